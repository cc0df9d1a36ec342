package org.lantern.monitor.text;

import java.util.Arrays;
import java.util.Set;

/**
 * A text in matching form: words of folded, plain letters separated by single spaces, and the
 * {@link Step}s that changed it. Normalised with spans ({@link Normaliser#normalise}), each
 * character also remembers the span of the original text it came from and the steps that changed
 * it, so a match can show both what was written and how it was read. Immutable.
 */
public final class NormalisedText {

    private final String original;
    private final char[] chars;
    private final int[] from;
    private final int[] to;
    private final int[] marks;
    private final int stepBits;
    private String text;

    NormalisedText(String original, TextBuffer buffer) {
        this.original = original;
        int n = buffer.length;
        // the automaton reads a whole array: share the buffer's when it is exactly the text
        this.chars = buffer.chars.length == n ? buffer.chars : Arrays.copyOf(buffer.chars, n);
        this.from = buffer.from;
        this.to = buffer.to;
        this.marks = buffer.marks;
        this.stepBits = buffer.stepBits;
    }

    /** @return the text as given */
    public String original() {
        return original;
    }

    /** @return the matching form */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(chars);
            text = t;
        }
        return t;
    }

    /** @return the number of characters in the matching form */
    public int length() {
        return chars.length;
    }

    /**
     * The matching form's characters, shared for speed: the matcher reads them and must not write.
     *
     * @return the characters
     */
    public char[] chars() {
        return chars;
    }

    /** @return the steps that changed any part of the text */
    public Set<Step> steps() {
        return Step.of(stepBits);
    }

    /** @return whether each character's original span and steps were kept */
    public boolean hasSpans() {
        return from != null;
    }

    /**
     * @param begin first character of the matching form
     * @param end   one past the last
     * @return the steps that changed those characters
     * @throws IllegalStateException if the text was normalised without spans, as a shared unmodifiable set
     */
    public Set<Step> stepsIn(int begin, int end) {
        requireSpans();
        int bits = 0;
        for (int i = begin; i < end; i++) {
            bits |= marks[i];
        }
        return Step.of(bits);
    }

    /**
     * @param begin first character of the matching form, below {@code end}
     * @param end   one past the last
     * @return the part of the original text those characters came from
     */
    public String originalOf(int begin, int end) {
        requireSpans();
        return original.substring(from[begin], to[end - 1]);
    }

    /** @return the start in the original text of matching-form character {@code i} */
    public int originalStart(int i) {
        requireSpans();
        return from[i];
    }

    /** @return the end (exclusive) in the original text of matching-form character {@code i} */
    public int originalEnd(int i) {
        requireSpans();
        return to[i];
    }

    private void requireSpans() {
        if (from == null) {
            throw new IllegalStateException("normalised without spans: use Normaliser.normalise for them");
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
