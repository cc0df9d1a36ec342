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
        int w = 0;
        int r = 0;
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
}
