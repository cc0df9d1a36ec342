package org.lantern.monitor.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lantern.monitor.text.Normaliser;

/**
 * A gap in a library phrase: {@code kill ... myself} finds "kill myself" and also up to
 * {@value #MAX_WORDS} words between its parts ("kill my stupid self" does not fit, "kill
 * myself" and "going to actually kill myself" of {@code going to ... kill myself} do). People
 * put words inside a phrase ("i really really want to die", "i am going to go and kill
 * myself"), and listing every filler would be a list of texts, not of language. The parts stay
 * literal text, found by the same automaton as every phrase, and the matcher joins them in the
 * same single pass, so a gap costs no regular expression and no second reading of the text.
 */
public final class PhraseGaps {

    /** How a gap is written between two parts of a phrase: three dots (or the ellipsis character) with spaces round them. */
    public static final String GAP = " ... ";
    /** Most words a gap takes. */
    public static final int MAX_WORDS = 3;
    /** Most parts a phrase has. */
    public static final int MAX_PARTS = 4;
    /**
     * Written after the last word of a phrase or of a part ({@code je veux ... mour*}), that word
     * is a stem: it finds every word that starts with it ({@code mourir}, {@code mourrai},
     * {@code meurs} not). Verbs of French, German, Spanish, Polish, Portuguese and Italian take
     * many endings (person, tense, gender, a clitic pronoun: {@code matarme}), which one stem
     * says once where a list would need a line per form; the stem is still literal text.
     */
    public static final char OPEN = '*';
    /** Fewest letters the stem of an open word has: a shorter one starts too many words. */
    public static final int MIN_STEM = 3;

    private static final Normaliser NORMALISER = new Normaliser();

    private PhraseGaps() {}

    /**
     * @param phrase a library phrase as written
     * @return its matching form, a gapped phrase's parts joined by {@link #GAP}, so that
     *         {@code want ... to die} and {@code want to die} stay two phrases wherever phrases
     *         are compared (duplicates, a school's edits)
     */
    public static String matchingForm(String phrase) {
        return parts(phrase).stream().map(part -> NORMALISER.normalise(part).text() + (open(part) ? String.valueOf(OPEN) : ""))
                .collect(Collectors.joining(GAP));
    }

    /** @return whether a phrase or a part of one ends with an open word ({@code mour*}) */
    public static boolean open(String part) {
        return part.strip().endsWith(String.valueOf(OPEN));
    }

    /**
     * @param phrase a library phrase as written
     * @return why its open words are not usable, or empty: {@value #OPEN} only ends the last word of
     *         the phrase or of a part, and that word's stem has at least {@value #MIN_STEM} letters
     */
    public static Optional<String> openProblem(String phrase) {
        for (String part : parts(phrase)) {
            String written = part.strip();
            int star = written.indexOf(OPEN);
            if (star < 0) {
                continue;
            }
            if (star != written.length() - 1) {
                return Optional.of("'" + OPEN + "' only ends the last word of a phrase or of a part between gaps");
            }
            String normal = NORMALISER.normalise(written).text();
            String stem = normal.substring(normal.lastIndexOf(' ') + 1);
            if (stem.codePointCount(0, stem.length()) < MIN_STEM) {
                return Optional.of("the stem '" + stem + OPEN + "' is shorter than " + MIN_STEM + " letters once normalised");
            }
        }
        return Optional.empty();
    }

    /**
     * @param phrase a library phrase as written
     * @return its parts, one when it has no gap; a part may be empty (a gap at an edge or two in
     *         a row), which the library reader refuses
     */
    public static List<String> parts(String phrase) {
        String written = phrase.replace('\u2026', '.');
        if (!written.contains(" ...") && !written.contains("... ")) {
            return List.of(phrase);
        }
        List<String> parts = new ArrayList<>();
        for (String part : (" " + written + " ").split(" \\.\\.\\. ", -1)) {
            parts.add(part.strip());
        }
        return parts;
    }
}
