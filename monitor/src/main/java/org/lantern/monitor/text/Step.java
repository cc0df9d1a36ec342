package org.lantern.monitor.text;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One normalisation a text went through before matching. A match records the steps that changed
 * the characters it covers, so an alert can say how a phrase was found: "k1ll" as "kill" by
 * leetspeak, "ѕuicide" by confusable characters. Steps that only tidy word breaks (punctuation
 * and runs of spaces to one space) are not recorded: every text goes through them.
 */
public enum Step {
    /** {@code %xx} escapes decoded as UTF-8 and {@code +} read as a space, as in a URL's query. */
    URL_DECODING("URL decoding"),
    /** Zero-width, bidirectional-control, soft-hyphen, variation-selector and control characters removed. */
    INVISIBLE_CHARACTERS("invisible characters removed"),
    /** Unicode NFKC: full-width, mathematical and other compatibility forms to their plain letters. */
    NFKC("Unicode compatibility forms (NFKC)"),
    /** Unicode full case folding. */
    CASE_FOLDING("case folding"),
    /** Accents and other combining marks removed from Latin, Greek and Cyrillic letters. */
    DIACRITICS("diacritics removed"),
    /** Cyrillic and Greek look-alikes of Latin letters written as those Latin letters. */
    CONFUSABLES("look-alike characters"),
    /** Single characters spelled out with separators between them ({@code k.i.l.l}) joined. */
    SEPARATORS("separators between letters removed"),
    /** Digits and symbols standing for letters inside a word ({@code k1ll}, {@code $uicide}). */
    LEETSPEAK("leetspeak"),
    /** Contractions, text-speak and split pronouns written out ({@code im}, {@code gonna}, {@code my self}). */
    SHORTHAND("contractions and text-speak written out"),
    /** English word endings read as one stem ({@code cutting}, {@code cuts} as {@code cut}). */
    INFLECTIONS("word endings read as one stem"),
    /** A letter repeated three or more times ({@code suiiiicide}). */
    REPEATED_LETTERS("repeated letters");

    private static final Step[] STEPS = values();
    /** Every set of steps, by bits: explanations share these instead of allocating one per text. */
    private static final List<Set<Step>> SETS = sets();

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** @return how an explanation names the step */
    public String label() {
        return label;
    }

    int bit() {
        return 1 << ordinal();
    }

    /**
     * @param steps any set of steps
     * @return the same steps as a shared, unmodifiable set
     */
    public static Set<Step> immutable(Set<Step> steps) {
        int bits = 0;
        for (Step step : steps) {
            bits |= step.bit();
        }
        return of(bits);
    }

    static Set<Step> of(int bits) {
        return SETS.get(bits);
    }

    @SuppressWarnings("unchecked")
    private static List<Set<Step>> sets() {
        Set<Step>[] sets = new Set[1 << STEPS.length];
        for (int bits = 0; bits < sets.length; bits++) {
            EnumSet<Step> set = EnumSet.noneOf(Step.class);
            for (Step step : STEPS) {
                if ((bits & step.bit()) != 0) {
                    set.add(step);
                }
            }
            sets[bits] = Collections.unmodifiableSet(set);
        }
        return List.of(sets);
    }
}
