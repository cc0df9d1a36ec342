package org.lantern.monitor.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a school's {@link LibraryEdit}s over a shipped library, giving the library in force.
 * Phrases are compared in matching form, so "Self-Harm" replaces "self harm". An entry the
 * school added or changed has line 0: it comes from no line of the shipped file.
 */
public final class SchoolEdits {


    private SchoolEdits() {}

    /**
     * @param shipped the library as Lantern ships it
     * @param version the version the result carries
     * @param edits   the school's changes, oldest first; a {@link LibraryEdit.Exclude} applies to
     *                the entries of its category, a put or remove to the library whatever its
     *                category
     * @return the library in force
     */
    public static PhraseLibrary apply(PhraseLibrary shipped, String version, List<LibraryEdit> edits) {
        Map<String, PhraseEntry> entries = new LinkedHashMap<>();
        for (PhraseEntry entry : shipped.entries()) {
            entries.putIfAbsent(key(entry.phrase(), entry.language()), entry);
        }
        for (LibraryEdit edit : edits) {
            switch (edit) {
                case LibraryEdit.Put put -> entries.put(key(put.entry().phrase(), put.entry().language()), atLine0(put.entry()));
                case LibraryEdit.Remove remove -> entries.remove(key(remove.phrase(), remove.language()));
                case LibraryEdit.Exclude exclude -> entries.replaceAll((key, entry) -> excluded(entry, exclude));
            }
        }
        return new PhraseLibrary(shipped.name(), version, new ArrayList<>(entries.values()));
    }

    /**
     * @param phrase a phrase as written
     * @return its matching form, as libraries and exclusions compare phrases
     */
    public static String normal(String phrase) {
        return PhraseGaps.matchingForm(phrase);
    }

    /**
     * @param phrase  a phrase
     * @param context a context it should not count in
     * @return whether the context holds the phrase as whole words, once both are normalised (an
     *         exclusion whose context does not hold its phrase would exclude nothing)
     */
    public static boolean contains(String context, String phrase) {
        return (" " + normal(context) + " ").contains(" " + normal(phrase) + " ");
    }

    /**
     * @return what identifies an entry within a library: its phrase in matching form and its
     *         language; a put with the same key replaces the entry
     */
    public static String key(String phrase, String language) {
        return normal(phrase) + '\u0000' + language;
    }

    private static PhraseEntry atLine0(PhraseEntry e) {
        return new PhraseEntry(e.phrase(), e.category(), e.language(), e.levels(), e.rule(), e.helpSeeking(),
                e.identity(), e.list(), e.source(), e.licence(), 0);
    }

    private static PhraseEntry excluded(PhraseEntry e, LibraryEdit.Exclude exclude) {
        // a term never alerts, so it has nothing to exclude (and its rule takes no context)
        if (e.category() != exclude.category() || e.rule().term() || !normal(e.phrase()).equals(normal(exclude.phrase()))
                || !contains(exclude.context(), e.phrase())) {
            return e;
        }
        Rule r = e.rule();
        // written as a clause a library file can hold, so an exported library imports back as it
        // is, and read as any rule is (the context holds no separator, so it parses)
        Rule rule = Rule.parse((r.text().equals(Rule.ALONE.text()) ? "" : r.text() + ";") + "not-in:" + exclude.context());
        return new PhraseEntry(e.phrase(), e.category(), e.language(), e.levels(), rule, e.helpSeeking(),
                e.identity(), e.list(), e.source(), e.licence(), e.line());
    }

    /** @return the entry of {@code library} with this phrase (compared normalised) and language */
    public static Optional<PhraseEntry> find(PhraseLibrary library, String phrase, String language) {
        String key = key(phrase, language);
        return library.entries().stream().filter(e -> key(e.phrase(), e.language()).equals(key)).findFirst();
    }
}
