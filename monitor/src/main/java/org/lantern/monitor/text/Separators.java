package org.lantern.monitor.text;

/**
 * Joins a word spelled out one character at a time ({@code k.i.l.l}, {@code s u i c i d e},
 * {@code s-e-l-f h-a-r-m}): three or more single characters in a row, separated by the same short
 * separator, become one word. A different separator ends the word, so {@code s-e-l-f h-a-r-m}
 * gives {@code self harm}. Two single letters ("a b") are left alone: too common in real text.
 */
final class Separators implements NormalisationStep {

    private static final int MIN_LETTERS = 3;
    private static final int MAX_SEPARATOR = 3;

    @Override
    public void apply(TextBuffer t) {
        if (singleCharacterTokens(t) < MIN_LETTERS) {
            return;
        }
        int n = t.length;
        // Token boundaries: token k is [starts[k], ends[k]); separators lie between tokens.
        int[] starts = new int[n / 2 + 1];
        int[] ends = new int[n / 2 + 1];
        int tokens = 0;
        int i = 0;
        while (i < n) {
            int cp = CharKinds.codePointAt(t, i);
            if (!CharKinds.isToken(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int count = 0;
            while (i < n) {
                int tc = CharKinds.codePointAt(t, i);
                if (!CharKinds.isToken(tc)) {
                    break;
                }
                i += Character.charCount(tc);
                count++;
            }
            if (tokens == starts.length) {
                starts = java.util.Arrays.copyOf(starts, tokens * 2);
                ends = java.util.Arrays.copyOf(ends, tokens * 2);
            }
            starts[tokens] = start;
            ends[tokens] = count == 1 ? -i : i;
            tokens++;
        }
        boolean[] joinAfter = new boolean[tokens];
        boolean any = false;
        int k = 0;
        while (k < tokens) {
            int j = k;
            while (j + 1 < tokens && ends[j] < 0 && ends[j + 1] < 0
                    && sameSeparator(t, starts, ends, k, j)) {
                j++;
            }
            if (j - k + 1 >= MIN_LETTERS) {
                for (int g = k; g < j; g++) {
                    joinAfter[g] = true;
                }
                any = true;
            }
            k = j + 1;
        }
        if (!any) {
            return;
        }
        int mark = Step.SEPARATORS.bit();
        int w = 0;
        int r = 0;
        for (int tk = 0; tk < tokens; tk++) {
            int end = Math.abs(ends[tk]);
            boolean joined = joinAfter[tk] || (tk > 0 && joinAfter[tk - 1]);
            for (; r < end; r++) {
                t.move(w, r);
                if (joined && r >= starts[tk]) {
                    t.mark(w, mark);
                }
                w++;
            }
            if (joinAfter[tk]) {
                r = starts[tk + 1];
            }
        }
        for (; r < n; r++) {
            t.move(w++, r);
        }
        t.length = w;
    }

    /** @return how many tokens are one character long, counting no further than {@link #MIN_LETTERS}: most texts have none, and this allocates nothing */
    private static int singleCharacterTokens(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        int singles = 0;
        int i = 0;
        while (i < n && singles < MIN_LETTERS) {
            int units = 0;
            while (i < n && CharKinds.isToken(c[i] < 0x80 ? c[i] : CharKinds.codePointAt(t, i))) {
                i++;
                units++;
            }
            // a character outside the BMP ends its count early, so this may count too many: it
            // only decides whether the full scan below runs
            if (units == 1) {
                singles++;
            }
            i++;
        }
        return singles;
    }

    /** Whether the separator after token {@code j} is short and equal to the one after token {@code k}. */
    private static boolean sameSeparator(TextBuffer t, int[] starts, int[] ends, int k, int j) {
        int firstStart = -ends[k];
        int firstLength = starts[k + 1] - firstStart;
        int start = -ends[j];
        int length = starts[j + 1] - start;
        if (length > MAX_SEPARATOR || length != firstLength) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (t.chars[firstStart + i] != t.chars[start + i]) {
                return false;
            }
        }
        return true;
    }
}
