package org.lantern.monitor.text;

import com.ibm.icu.lang.UCharacter;

/**
 * Unicode full case folding ({@code ß} to {@code ss}, Greek final sigma to sigma), so case never
 * hides a phrase. ASCII is folded in place; other text is rebuilt, as folding can lengthen it.
 */
final class CaseFolding implements NormalisationStep {

    @Override
    public void apply(TextBuffer t) {
        int mark = Step.CASE_FOLDING.bit();
        if (t.ascii) {
            char[] c = t.chars;
            for (int i = 0; i < t.length; i++) {
                if (c[i] >= 'A' && c[i] <= 'Z') {
                    c[i] += 'a' - 'A';
                    t.mark(i, mark);
                }
            }
            return;
        }
        String text = t.toString();
        String folded = UCharacter.foldCase(text, true);
        if (folded.equals(text)) {
            return;
        }
        t.startRebuild();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int units = Character.charCount(cp);
            if (cp < 0x80) {
                char c = (char) cp;
                boolean upper = c >= 'A' && c <= 'Z';
                t.append(upper ? (char) (c + 'a' - 'A') : c, i, i + 1, upper ? mark : 0);
            } else {
                String one = text.substring(i, i + units);
                String f = UCharacter.foldCase(one, true);
                if (f.equals(one)) {
                    for (int k = 0; k < units; k++) {
                        t.append(one.charAt(k), i + k, i + k + 1, 0);
                    }
                } else {
                    t.append(f, i, i + units, mark);
                }
            }
            i += units;
        }
        t.finishRebuild();
    }
}
