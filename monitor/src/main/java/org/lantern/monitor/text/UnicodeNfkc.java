package org.lantern.monitor.text;

import com.ibm.icu.text.Normalizer2;

/**
 * Unicode NFKC: full-width letters, mathematical alphanumerics ({@code 𝐤𝐢𝐥𝐥}), ligatures and
 * circled letters become the plain letters they stand for. Normalised one segment at a time
 * (a starter and its combining marks), so each result keeps the span it came from.
 */
final class UnicodeNfkc implements NormalisationStep {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    @Override
    public void apply(TextBuffer t) {
        if (t.ascii) {
            return;
        }
        String text = t.toString();
        if (NFKC.isNormalized(text)) {
            return;
        }
        int mark = Step.NFKC.bit();
        t.startRebuild();
        int n = t.length;
        int start = 0;
        while (start < n) {
            int end = start + Character.charCount(text.codePointAt(start));
            while (end < n && !NFKC.hasBoundaryBefore(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            String segment = text.substring(start, end);
            String normal = NFKC.normalize(segment);
            if (normal.equals(segment)) {
                for (int i = start; i < end; i++) {
                    t.append(text.charAt(i), i, i + 1, 0);
                }
            } else {
                t.append(normal, start, end, mark);
            }
            start = end;
        }
        t.finishRebuild();
    }
}
