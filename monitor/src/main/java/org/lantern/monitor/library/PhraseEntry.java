package org.lantern.monitor.library;

import java.util.Objects;

/**
 * One risk phrase of a library, as the DSL sees and edits it: the literal phrase, what it is
 * about, its language, its levels, its rule, whether it is help-seeking (labelled, never hidden)
 * or an identity term (never an alert on its own), the term list it belongs to for other
 * phrases' co-occurrence rules (its category's id unless given), and where it came from.
 *
 * @param line the library line it was read from, for explanations and errors
 */
public record PhraseEntry(String phrase, Category category, String language, Levels levels, Rule rule,
        boolean helpSeeking, boolean identity, String list, String source, String licence, int line) {

    public PhraseEntry {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(licence, "licence");
    }

    /** @return whether a match of this phrase can be an alert at all (neither a term nor an identity term) */
    public boolean alerts() {
        return !rule.term() && !identity;
    }

    /**
     * @param newLevels the levels wanted
     * @return this entry with those levels: a school's change of level
     */
    public PhraseEntry withLevels(Levels newLevels) {
        return new PhraseEntry(phrase, category, language, newLevels, rule, helpSeeking, identity, list, source, licence, line);
    }
}
