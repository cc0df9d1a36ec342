package org.lantern.monitor.text;

/**
 * Writes every run of one letter once: {@code suiiiicide} is {@code suicide}, and so that text and
 * phrases agree, {@code kill} is {@code kil}. Only a run of three or more is recorded as this
 * step (doubled letters are ordinary spelling, not obfuscation). Digits are left alone: 1000 is
 * not 10.
 */
final class RepeatedLetters implements NormalisationStep {

    private static final int OBFUSCATION = 3;

    /** The shortest run this pass folds: 2 folds every run, 3 only the stretched ones. */
    private final int shortest;

    /** Folds every run of a letter, doubled or stretched. */
    RepeatedLetters() {
        this(2);
    }

    /**
     * @param shortest the shortest run to fold: 3 folds only stretched letters, so that
     *                 {@code diiiie} is {@code die} and {@code cuttttting} {@code cutting}
     *                 before its ending is read (a stretched consonant stays doubled), and
     *                 keeps {@code kill} for a later pass
     */
    RepeatedLetters(int shortest) {
        this.shortest = shortest;
    }

    @Override
    public void apply(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        int mark = Step.REPEATED_LETTERS.bit();
        // up to the first repeated letter nothing moves
        int first = 0;
        while (first + 1 < n && !(c[first] == c[first + 1] && isLetter(c[first]))) {
            first++;
        }
        if (first + 1 >= n) {
            return;
        }
        int w = first;
        int r = first;
        while (r < n) {
            char ch = c[r];
            int run = 1;
            if (isLetter(ch)) {
                while (r + run < n && c[r + run] == ch) {
                    run++;
                }
            }
            if (run < shortest) {
                for (int k = 0; k < run; k++) {
                    t.move(w++, r++);
                }
            } else if (shortest > 2 && !isVowel(ch)) {
                // a stretched consonant may have been a doubled one (cuttttting): keep it doubled
                // for the endings, and the later pass folds it as it folds every double
                t.put(w++, ch, r, r + 1, mark);
                t.put(w++, ch, r + 1, r + run, mark);
                r += run;
            } else {
                t.put(w++, ch, r, r + run, run >= OBFUSCATION ? mark : 0);
                r += run;
            }
        }
        t.length = w;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }
}
