package org.lantern.monitor.library;

import java.util.ArrayList;
import java.util.List;
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

    private static final Normaliser NORMALISER = new Normaliser();

    private PhraseGaps() {}

    /**
     * @param phrase a library phrase as written
     * @return its matching form, a gapped phrase's parts joined by {@link #GAP}, so that
     *         {@code want ... to die} and {@code want to die} stay two phrases wherever phrases
     *         are compared (duplicates, a school's edits)
     */
    public static String matchingForm(String phrase) {
        return parts(phrase).stream().map(part -> NORMALISER.normalise(part).text()).collect(Collectors.joining(GAP));
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
