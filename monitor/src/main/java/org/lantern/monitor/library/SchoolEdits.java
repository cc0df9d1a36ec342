package org.lantern.monitor.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
     * @param edits   the school's changes, oldest first; a {@link LibraryEdit.Exclude} or
     *                {@link LibraryEdit.Unexclude} applies to the entries of its category, a put or
     *                remove to the library whatever its category
     * @return the library in force
     */
    public static PhraseLibrary apply(PhraseLibrary shipped, String version, List<LibraryEdit> edits) {
        return apply(List.of(shipped), v -> version, edits).getFirst();
    }

    /**
     * The school's changes to a category kept in several libraries (files): a put replaces the
     * entry in the library that holds it, or adds it to the first; a remove takes it from whichever
     * holds it; an exclusion or its withdrawal applies to all.
     *
     * @param shipped the category's libraries as Lantern ships them, its own first
     * @param version the version each result carries, from the shipped one's
     * @param edits   the school's changes, oldest first
     * @return the libraries in force, in the same order
     */
    public static List<PhraseLibrary> apply(List<PhraseLibrary> shipped, UnaryOperator<String> version,
                                            List<LibraryEdit> edits) {
        List<Map<String, PhraseEntry>> parts = new ArrayList<>();
        for (PhraseLibrary library : shipped) {
            Map<String, PhraseEntry> entries = new LinkedHashMap<>();
            for (PhraseEntry entry : library.entries()) {
                entries.putIfAbsent(key(entry.phrase(), entry.language()), entry);
            }
            parts.add(entries);
        }
        for (LibraryEdit edit : edits) {
            for (int i = 0; i < parts.size(); i++) {
                Map<String, PhraseEntry> entries = parts.get(i);
                PhraseLibrary library = shipped.get(i);
                switch (edit) {
                    case LibraryEdit.Put put -> {
                        String key = key(put.entry().phrase(), put.entry().language());
                        if (entries.containsKey(key) || i == 0 && parts.stream().noneMatch(p -> p.containsKey(key))) {
                            entries.put(key, atLine0(put.entry()));
                        }
                    }
                    case LibraryEdit.Remove remove -> entries.remove(key(remove.phrase(), remove.language()));
                    case LibraryEdit.Exclude exclude -> entries.replaceAll((key, entry) -> excluded(entry, exclude));
                    case LibraryEdit.Unexclude unexclude -> entries.replaceAll((key, entry) -> included(entry, unexclude,
                            library));
                }
            }
        }
        List<PhraseLibrary> inForce = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            PhraseLibrary library = shipped.get(i);
            inForce.add(new PhraseLibrary(library.name(), version.apply(library.version()), new ArrayList<>(parts.get(i).values())));
        }
        return List.copyOf(inForce);
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

    private static PhraseEntry included(PhraseEntry e, LibraryEdit.Unexclude unexclude, PhraseLibrary shipped) {
        String context = normal(unexclude.context());
        if (e.category() != unexclude.category() || e.rule().term() || !normal(e.phrase()).equals(normal(unexclude.phrase()))
                || e.rule().notIn().stream().noneMatch(c -> normal(c).equals(context))
                || shippedContexts(shipped, key(e.phrase(), e.language())).contains(context)) {
            return e;
        }
        // the rule written again without that context, its other clauses as they were
        List<String> clauses = new ArrayList<>();
        for (String clause : e.rule().text().split(";")) {
            String c = clause.strip();
            if (c.startsWith("not-in:")) {
                String kept = String.join("|", Arrays.stream(c.substring("not-in:".length()).split("\\|"))
                        .map(String::strip).filter(x -> !normal(x).equals(context)).toList());
                if (!kept.isEmpty()) {
                    clauses.add("not-in:" + kept);
                }
            } else if (!c.isEmpty()) {
                clauses.add(c);
            }
        }
        return new PhraseEntry(e.phrase(), e.category(), e.language(), e.levels(), Rule.parse(String.join(";", clauses)),
                e.helpSeeking(), e.identity(), e.list(), e.source(), e.licence(), e.line());
    }

    /** The contexts, in matching form, that the shipped entry with this key gives its phrase itself. */
    private static List<String> shippedContexts(PhraseLibrary shipped, String key) {
        return shipped.entries().stream().filter(e -> key(e.phrase(), e.language()).equals(key))
                .flatMap(e -> e.rule().notIn().stream()).map(SchoolEdits::normal).toList();
    }

    /** @return the entry of {@code library} with this phrase (compared normalised) and language */
    public static Optional<PhraseEntry> find(PhraseLibrary library, String phrase, String language) {
        String key = key(phrase, language);
        return library.entries().stream().filter(e -> key(e.phrase(), e.language()).equals(key)).findFirst();
    }
}
