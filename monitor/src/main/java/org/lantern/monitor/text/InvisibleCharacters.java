package org.lantern.monitor.text;

/**
 * Removes what a reader cannot see but a naive matcher would: zero-width spaces and joiners,
 * bidirectional controls, the soft hyphen, variation selectors, tag characters, Hangul fillers,
 * NUL and other control characters. Tabs and line breaks are kept: they separate words. Removing
 * a joiner from Arabic or Urdu changes only how the word is drawn, and library phrases go through
 * the same step, so such words still match.
 */
final class InvisibleCharacters implements NormalisationStep {

    @Override
    public void apply(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (c[i] < 0x20 || c[i] >= 0x7F) {
                if (isInvisible(CharKinds.codePointAt(t, i))) {
                    first = i;
                    break;
                }
            }
        }
        if (first < 0) {
            return;
        }
        int mark = Step.INVISIBLE_CHARACTERS.bit();
        int w = first;
        boolean pending = false;
        int r = first;
        while (r < n) {
            int cp = CharKinds.codePointAt(t, r);
            int units = Character.charCount(cp);
            if (isInvisible(cp)) {
                pending = true;
            } else {
                for (int k = 0; k < units; k++) {
                    t.move(w, r + k);
                    if (pending) {
                        t.mark(w, mark);
                    }
                    w++;
                }
                pending = false;
            }
            r += units;
        }
        if (pending) {
            // nothing visible after it: the last unit takes the mark, or only the text when none is left
            t.stepBits |= mark;
            if (w > 0) {
                t.mark(w - 1, mark);
            }
        }
        t.length = w;
    }

    static boolean isInvisible(int cp) {
        if (cp < 0x20) {
            return cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != 0x0B;
        }
        if (cp < 0x7F) {
            return false;
        }
        if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            return cp != 0x85;
        }
        if (cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return true;
        }
        return Character.getType(cp) == Character.FORMAT;
    }
}
