package org.lantern.monitor.match;

/**
 * What finding one automaton key means for one phrase: the phrase, and the longer contexts
 * ({@code not-in:}, and help-seeking phrases that contain it) that cancel it, each with where the
 * key sits inside it, so a hit is checked against the text around it without a second search. A
 * phrase with gaps ({@code kill ... myself}) has one key per part, each knowing its place.
 */
final class KeyTarget {

    final CompiledPhrase phrase;
    final char[][] contexts;
    final int[] offsets;
    /** For a part of a phrase with gaps, the scan's slot of its first part, else -1. */
    final int slot;
    /** Which part of a phrase with gaps this key is, from 0. */
    final int part;
    /** How many parts the phrase has: 1 for a phrase without gaps. */
    final int parts;
    /** Whether the key ends with an open word ({@code mour*}): it may end inside a word, which then ends the hit. */
    final boolean open;
    /** Whether this part follows the one before it directly (it was cut after an open word), not across a gap. */
    final boolean adjacent;

    KeyTarget(CompiledPhrase phrase, char[][] contexts, int[] offsets, boolean open) {
        this(phrase, contexts, offsets, -1, 0, 1, open, false);
    }

    private KeyTarget(CompiledPhrase phrase, char[][] contexts, int[] offsets, int slot, int part, int parts, boolean open,
            boolean adjacent) {
        this.phrase = phrase;
        this.contexts = contexts;
        this.offsets = offsets;
        this.slot = slot;
        this.part = part;
        this.parts = parts;
        this.open = open;
        this.adjacent = adjacent;
    }

    /**
     * @return the target of part {@code part} of {@code parts} of a phrase with gaps, whose first
     *         part has scan slot {@code slot}, ending in an open word when {@code open}, directly
     *         after the part before it when {@code adjacent}
     */
    static KeyTarget gapPart(CompiledPhrase phrase, int slot, int part, int parts, boolean open, boolean adjacent) {
        return new KeyTarget(phrase, new char[0][], new int[0], slot, part, parts, open, adjacent);
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
