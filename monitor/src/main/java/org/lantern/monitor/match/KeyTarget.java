package org.lantern.monitor.match;

/**
 * What finding one automaton key means for one phrase: the phrase, and the longer contexts
 * ({@code not-in:}, and help-seeking phrases that contain it) that cancel it, each with where the
 * key sits inside it, so a hit is checked against the text around it without a second search.
 */
final class KeyTarget {

    final CompiledPhrase phrase;
    final char[][] contexts;
    final int[] offsets;

    KeyTarget(CompiledPhrase phrase, char[][] contexts, int[] offsets) {
        this.phrase = phrase;
        this.contexts = contexts;
        this.offsets = offsets;
    }

    /** @return whether the hit at {@code begin} lies inside one of the contexts, as a whole phrase */
    boolean cancelled(char[] text, int begin) {
        for (int c = 0; c < contexts.length; c++) {
            char[] context = contexts[c];
            int start = begin - offsets[c];
            int end = start + context.length;
            if (start >= 0 && end <= text.length && Boundaries.wholePhrase(text, start, end)
                    && java.util.Arrays.equals(text, start, end, context, 0, context.length)) {
                return true;
            }
        }
        return false;
    }
}
