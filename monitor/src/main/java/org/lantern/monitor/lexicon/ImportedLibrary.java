package org.lantern.monitor.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.Levels;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.Rule;
import org.lantern.monitor.text.Normaliser;

/**
 * Collects the entries an outside lexicon yields. A term Lantern cannot match as a phrase is
 * skipped, as it would be in any list: one longer than {@value LibraryCsv#MAX_PHRASE} characters,
 * under {@value LibraryCsv#MIN_PHRASE} once normalised ({@code xxx} is {@code x} once repeated
 * letters fold; an emoji alone is no word), or made of single letters only ({@code s&m} is
 * {@code s m}, which initials and spelt-out letters match everywhere). Outside lexicons also
 * repeat themselves (a term under two constructs, two spellings that normalise alike): a repeat
 * keeps the entry with the higher level. Problems with the lexicon itself (its layout, text that is not UTF-8) are errors naming
 * the file's line, and any error loads nothing.
 */
final class ImportedLibrary {

    private static final Normaliser NORMALISER = new Normaliser();

    private final String source;
    private final String licence;
    private final Map<String, PhraseEntry> entries = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    /**
     * @param source  where the terms come from, recorded on every entry
     * @param licence their licence, recorded on every entry
     */
    ImportedLibrary(String source, String licence) {
        this.source = source;
        this.licence = licence;
    }

    /** @return the term's matching form, or null when Lantern cannot match it as a phrase */
    static String normalise(String term) {
        if (term.length() > LibraryCsv.MAX_PHRASE) {
            return null;
        }
        String normal = NORMALISER.normalise(term).text();
        if (normal.codePointCount(0, normal.length()) < LibraryCsv.MIN_PHRASE) {
            return null;
        }
        for (String word : normal.split(" ")) {
            if (word.codePointCount(0, word.length()) > 1) {
                return normal;
            }
        }
        return null;
    }

    /**
     * Adds a term {@link #normalise} accepted.
     *
     * @param detail what the source says of it (a construct), appended to the source
     */
    void add(String term, String normal, Category category, String language, Levels levels, Rule rule,
            boolean identity, String list, String detail, int line) {
        String key = normal + '\u0000' + category.id() + '\u0000' + language;
        PhraseEntry entry = new PhraseEntry(term, category, language, levels, rule, false, identity, list,
                detail.isEmpty() ? source : source + ": " + detail, licence, line);
        PhraseEntry before = entries.get(key);
        if (before == null || before.levels().level() < levels.level()) {
            entries.put(key, entry);
        }
    }

    /** Records a problem with the lexicon as a whole or one of its lines. */
    void error(String message) {
        errors.add(message);
    }

    /**
     * @return the library, whole
     * @throws LibraryFormatException listing every problem, when there is any
     */
    PhraseLibrary library(String name, String version) throws LibraryFormatException {
        if (!errors.isEmpty()) {
            throw new LibraryFormatException(errors);
        }
        return new PhraseLibrary(name, version, new ArrayList<>(entries.values()));
    }
}
