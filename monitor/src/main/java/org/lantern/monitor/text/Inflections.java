package org.lantern.monitor.text;

/**
 * Reads an English word's inflected forms as one stem, so a phrase written in one form finds the
 * others: {@code cutting}, {@code cuts} and {@code cut} are all {@code cut}; {@code starving},
 * {@code starved} and {@code starve} are {@code starv}; {@code hating} and {@code hate} are {@code hate}; {@code dying}, {@code dies} and
 * {@code died} are {@code die}; {@code bullied}, {@code bullies} and {@code bully} are
 * {@code bulli}. Text and phrases go through it alike, so only agreement matters, not a
 * dictionary form.
 *
 * <p>Only inflections are undone (-s, -es, -ies, -ed, -ied, -ing, -ying, a final silent e, a final
 * y read as i; a short stem gets back the e an ending took), never derivations: {@code suicidal} stays apart from {@code suicide} and
 * {@code killer} from {@code kill}, where a library gives them different levels. That is why this
 * is a small pass of its own rather than a Snowball or Porter stemmer (Lucene's analysers), which
 * also strip -al, -er, -ness and -ive and so would merge phrases of different levels. It reads
 * words of ASCII letters alone and runs before repeated letters fold ({@code kisses} keeps its
 * double s until its ending is gone); a stem keeps at least three letters ({@code using},
 * {@code being} and {@code going} stay whole). A shortened word keeps the span of the whole word
 * it came from.
 */
final class Inflections implements NormalisationStep {

    /**
     * What {@link #stem} adds after the letters it keeps: nothing, {@code i}, {@code ie}, or (for
     * a short stem) an {@code e} after its three letters ({@code hating} as {@code hate}).
     */
    private static final String[] TAILS = {"", "i", "ie", "e"};

    @Override
    public void apply(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        int mark = Step.INFLECTIONS.bit();
        int w = 0;
        int r = 0;
        while (r < n) {
            if (c[r] == ' ') {
                copy(t, w++, r++);
                continue;
            }
            int end = r;
            boolean plain = true;
            while (end < n && c[end] != ' ') {
                char ch = c[end];
                plain &= ch >= 'a' && ch <= 'z';
                end++;
            }
            int stem = plain ? stem(c, r, end) : (end - r) << 2;
            int keep = stem >> 2;
            String tail = TAILS[stem & 3];
            if (keep == end - r && tail.isEmpty()) {
                while (r < end) {
                    copy(t, w++, r++);
                }
                continue;
            }
            if ((stem & 3) == 3) {
                // hating, hated: hat and an e for the ending
                for (int k = 0; k < 3; k++) {
                    copy(t, w++, r + k);
                }
                t.put(w++, 'e', r + 3, end, mark);
                r = end;
                continue;
            }
            int last = tail.isEmpty() ? keep - 1 : keep;
            for (int k = 0; k < last; k++) {
                copy(t, w++, r + k);
            }
            if (tail.isEmpty()) {
                // the last letter kept stands for the ending dropped after it
                t.put(w++, c[r + last], r + last, end, mark);
            } else if (tail.length() == 1) {
                t.put(w++, 'i', r + last, end, mark);
            } else {
                t.put(w++, 'i', r + last, r + last + 1, mark);
                t.put(w++, 'e', r + last + 1, end, mark);
            }
            r = end;
        }
        t.length = w;
    }

    /** Until a word is shortened every unit stays where it is: nothing to write. */
    private static void copy(TextBuffer t, int w, int r) {
        if (w != r) {
            t.move(w, r);
        }
    }

    /**
     * @param c   the text
     * @param r   the word's first letter
     * @param end one past its last
     * @return the stem: how many of the word's letters it keeps, shifted left by two, with the
     *         index in {@link #TAILS} of what follows them
     */
    static int stem(char[] c, int r, int end) {
        int length = end - r;
        int keep = length;
        int tail = 0;
        boolean restoreE = false;
        if (length >= 4) {
            if (ends(c, end, "ies") || ends(c, end, "ied")) {
                keep = length - 2;                      // cries, cried: cri
            } else if (length >= 5 && ends(c, end, "ying")) {
                keep = length - 4;                      // dying: d + i; crying: cr + i
                tail = 1;
            } else if (ends(c, end, "ing")) {
                keep = stemOf(c, r, length - 3, length); // cutting: cutt; starving: starv
                restoreE = keep == 3 && shortStem(c, r);  // hating: hate
            } else if (ends(c, end, "ed") && !ends(c, end, "eed")) {
                keep = stemOf(c, r, length - 2, length); // killed: kill
                restoreE = keep == 3 && shortStem(c, r);  // hated: hate
            } else if (c[end - 1] == 's' && !ends(c, end, "ss") && !ends(c, end, "us") && !ends(c, end, "is")) {
                keep = length - 1;                      // cuts: cut; nudes: nude
            }
        }
        if (tail == 0 && keep >= 5 && c[r + keep - 1] == 'e') {
            keep--;                                     // starve, starves: starv; suicide: suicid
        }
        if (tail == 0 && keep >= 3 && c[r + keep - 1] == 'y' && isLetter(c[r + keep - 2])) {
            keep--;                                     // bully: bull + i; cry: cr + i
            tail = 1;
        }
        if (length >= 4 && keep + tail == 2 && (tail == 1 || c[r + 1] == 'i')) {
            // die, lie, tie: dies and died keep their own e; dying's is written
            if (tail == 1) {
                tail = 2;
            } else {
                keep = 3;
            }
        }
        if (restoreE) {
            // the e the ending took: hating, hated and hate agree, as hoping and hope, vaping and vape
            return 4 << 2 | 3;
        }
        return keep << 2 | tail;
    }

    /**
     * @return whether the three letters at {@code r} are consonant, vowel, consonant (not w, x or
     *         y), the shape of a short word that lost its e to an ending ({@code hat} of
     *         {@code hating}), unlike {@code eat} of {@code eating}
     */
    private static boolean shortStem(char[] c, int r) {
        return !isVowel(c[r]) && isVowel(c[r + 1]) && !isVowel(c[r + 2])
                && c[r + 2] != 'w' && c[r + 2] != 'x' && c[r + 2] != 'y';
    }

    private static boolean isVowel(char ch) {
        return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
    }

    /** @return {@code stem} when the letters before an ending make a stem (three or more, a vowel), else the whole word */
    private static int stemOf(char[] c, int r, int stem, int length) {
        if (stem < 3) {
            return length;
        }
        for (int i = r; i < r + stem; i++) {
            if (isVowel(c[i]) || c[i] == 'y') {
                return stem;
            }
        }
        return length;
    }

    private static boolean ends(char[] c, int end, String suffix) {
        int at = end - suffix.length();
        for (int i = 0; i < suffix.length(); i++) {
            if (c[at + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char ch) {
        return ch >= 'a' && ch <= 'z';
    }
}
