package org.lantern.monitor.text;

/**
 * Every run of characters that are neither word characters nor leet symbols (spaces, punctuation,
 * emoji, U+FFFD) becomes one space, with none at either end, so phrases match at word boundaries
 * and "self-harm", "self_harm" and "self  harm" are all "self harm". Not recorded as a step:
 * every text goes through it.
 */
final class WordBreaks implements NormalisationStep {

    @Override
    public void apply(TextBuffer t) {
        int n = t.length;
        int first = firstChange(t);
        int w = first;
        int r = first;
        while (r < n) {
            char c = t.chars[r];
            int cp = c < 0x80 ? c : CharKinds.codePointAt(t, r);
            int units = Character.charCount(cp);
            if (CharKinds.isToken(cp)) {
                for (int k = 0; k < units; k++) {
                    t.move(w++, r + k);
                }
                r += units;
            } else {
                int start = r;
                r += units;
                while (r < n) {
                    int next = CharKinds.codePointAt(t, r);
                    if (CharKinds.isToken(next)) {
                        break;
                    }
                    r += Character.charCount(next);
                }
                if (w > 0 && r < n) {
                    t.put(w++, ' ', start, r, 0);
                }
            }
        }
        t.length = w;
    }

    /**
     * @return the first unit this step would change, or the length: most texts are words and
     *         single spaces already, and are then left without a write
     */
    private static int firstChange(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        for (int i = 0; i < n; i++) {
            int cp = c[i] < 0x80 ? c[i] : CharKinds.codePointAt(t, i);
            if (CharKinds.isToken(cp)) {
                i += Character.charCount(cp) - 1;
            } else if (cp != ' ' || i == 0 || i + 1 == n || !CharKinds.isToken(CharKinds.codePointAt(t, i + 1))) {
                return i;
            }
        }
        return n;
    }
}
