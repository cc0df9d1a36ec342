package org.lantern.monitor.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
     * Written after a word ({@code je veux ... mour*}, {@code schlag* mich}), that word is a stem:
     * it finds every word that starts with it ({@code mourir}, {@code mourrai}; {@code schlägt},
     * {@code schlagen}). Verbs of French, German, Spanish, Polish, Portuguese and Italian take many
     * endings (person, tense, gender, a clitic pronoun: {@code matarme}), which one stem says once
     * where a list would need a line per form; the stem is still literal text.
     */
    public static final char OPEN = '*';
    /** Fewest letters the stem of an open word has: a shorter one starts too many words. */
    public static final int MIN_STEM = 3;

    private static final Normaliser NORMALISER = new Normaliser();

    /**
     * What the automaton finds as one key: a part between gaps, cut after each open word, since
     * the words after a stem start where the word it began ends.
     *
     * @param text     the piece as written, without the {@link #OPEN} mark
     * @param open     whether its last word is open
     * @param adjacent whether it follows the piece before it directly (cut after an open word),
     *                 not across a gap; false for the first piece
     */
    public record Piece(String text, boolean open, boolean adjacent) {}

    private PhraseGaps() {}

    /**
     * @param phrase a library phrase as written
     * @return its matching form, a gapped phrase's parts joined by {@link #GAP} and open words
     *         marked, so that {@code want ... to die}, {@code want to die} and {@code want to die*}
     *         stay three phrases wherever phrases are compared (duplicates, a school's edits)
     */
    public static String matchingForm(String phrase) {
        StringBuilder form = new StringBuilder();
        for (Piece piece : pieces(phrase)) {
            if (!form.isEmpty()) {
                form.append(piece.adjacent() ? " " : GAP);
            }
            form.append(NORMALISER.normalise(piece.text()).text());
            if (piece.open()) {
                form.append(OPEN);
            }
        }
        return form.toString();
    }

    /**
     * @param phrase a library phrase as written
     * @return its pieces in order: one for a phrase without gaps or open words before its end
     */
    public static List<Piece> pieces(String phrase) {
        List<Piece> pieces = new ArrayList<>();
        for (String part : parts(phrase)) {
            String[] words = part.strip().split(" +");
            StringBuilder piece = new StringBuilder();
            boolean adjacent = false;
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                boolean open = word.length() > 1 && word.charAt(word.length() - 1) == OPEN;
                if (!piece.isEmpty()) {
                    piece.append(' ');
                }
                piece.append(open ? word.substring(0, word.length() - 1) : word);
                if (open || i == words.length - 1) {
                    pieces.add(new Piece(piece.toString(), open, adjacent));
                    piece.setLength(0);
                    adjacent = true;
                }
            }
        }
        return pieces;
    }

    /** @return whether a phrase has an open word ({@code mour*}) */
    public static boolean hasOpenWord(String phrase) {
        return phrase.indexOf(OPEN) >= 0;
    }

    /**
     * @param phrase a library phrase as written
     * @return why its open words are not usable, or empty: {@value #OPEN} only ends a word, and
     *         that word's stem has at least {@value #MIN_STEM} letters once normalised
     */
    public static Optional<String> openProblem(String phrase) {
        for (String word : phrase.strip().split(" +")) {
            int star = word.indexOf(OPEN);
            if (star < 0) {
                continue;
            }
            if (star != word.length() - 1 || star == 0) {
                return Optional.of("'" + OPEN + "' only ends a word (mour*), it is not a wildcard inside one");
            }
            String normal = NORMALISER.normalise(word.substring(0, star)).text();
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
