package org.lantern.monitor.text;

import java.util.Arrays;

/**
 * The text being normalised, one UTF-16 unit at a time. With spans kept, each unit also has the
 * span of the original text it came from and the steps that changed it; without (the matcher's
 * first pass, where most texts match nothing) only the units and the steps that changed the text
 * anywhere are kept, which saves three arrays and their writes per text. Steps that only shorten
 * the text or change units one for one edit it in place (the common ASCII search costs no
 * copies); the two that can lengthen it (NFKC and case folding) rebuild it through
 * {@link #startRebuild()}.
 */
final class TextBuffer {

    char[] chars;
    /** Original start of each unit, or null when spans are not kept. */
    int[] from;
    /** Original end (exclusive) of each unit, or null. */
    int[] to;
    /** {@link Step#bit()}s of the steps that changed each unit, or null. */
    int[] marks;
    int length;
    /** The steps that changed anything. */
    int stepBits;
    /** Whether every unit is ASCII, so the Unicode steps have nothing to do; see {@link #checkAscii()}. */
    boolean ascii;

    private char[] nextChars;
    private int[] nextFrom;
    private int[] nextTo;
    private int[] nextMarks;
    private int nextLength;

    TextBuffer(String text, boolean spans) {
        length = text.length();
        chars = text.toCharArray();
        if (spans) {
            from = new int[length];
            to = new int[length];
            marks = new int[length];
            for (int i = 0; i < length; i++) {
                from[i] = i;
                to[i] = i + 1;
            }
        }
        checkAscii();
    }

    /** Recomputes {@link #ascii}, for steps that may bring in or take out non-ASCII units. */
    void checkAscii() {
        for (int i = 0; i < length; i++) {
            if (chars[i] >= 0x80) {
                ascii = false;
                return;
            }
        }
        ascii = true;
    }

    /** Records that a step changed unit {@code i}. */
    void mark(int i, int mark) {
        stepBits |= mark;
        if (marks != null) {
            marks[i] |= mark;
        }
    }

    /** Unit {@code w} takes over the span up to that of unit {@code last}, which is being dropped. */
    void extend(int w, int last) {
        if (to != null) {
            to[w] = to[last];
        }
    }

    /** Copies unit {@code r} to position {@code w <= r} unchanged, for in-place steps. */
    void move(int w, int r) {
        chars[w] = chars[r];
        if (from != null) {
            from[w] = from[r];
            to[w] = to[r];
            marks[w] = marks[r];
        }
    }

    /**
     * Writes at {@code w} one unit standing for units {@code r0..r1-1}, for in-place steps.
     *
     * @param mark the step's bit, or 0 when the step did not change these units
     */
    void put(int w, char c, int r0, int r1, int mark) {
        stepBits |= mark;
        if (from != null) {
            int m = mark;
            for (int i = r0; i < r1; i++) {
                m |= marks[i];
            }
            int start = from[r0];
            int end = to[r1 - 1];
            from[w] = start;
            to[w] = end;
            marks[w] = m;
        }
        chars[w] = c;
    }

    void startRebuild() {
        int capacity = length + 16;
        nextChars = new char[capacity];
        if (from != null) {
            nextFrom = new int[capacity];
            nextTo = new int[capacity];
            nextMarks = new int[capacity];
        }
        nextLength = 0;
    }

    /** Appends one unit standing for units {@code r0..r1-1} of the text being rebuilt. */
    void append(char c, int r0, int r1, int mark) {
        if (nextLength == nextChars.length) {
            int capacity = nextLength * 2;
            nextChars = Arrays.copyOf(nextChars, capacity);
            if (from != null) {
                nextFrom = Arrays.copyOf(nextFrom, capacity);
                nextTo = Arrays.copyOf(nextTo, capacity);
                nextMarks = Arrays.copyOf(nextMarks, capacity);
            }
        }
        stepBits |= mark;
        nextChars[nextLength] = c;
        if (from != null) {
            int m = mark;
            for (int i = r0; i < r1; i++) {
                m |= marks[i];
            }
            nextFrom[nextLength] = from[r0];
            nextTo[nextLength] = to[r1 - 1];
            nextMarks[nextLength] = m;
        }
        nextLength++;
    }

    /** Appends {@code s}, every unit of it standing for units {@code r0..r1-1}. */
    void append(CharSequence s, int r0, int r1, int mark) {
        for (int i = 0; i < s.length(); i++) {
            append(s.charAt(i), r0, r1, mark);
        }
    }

    void finishRebuild() {
        chars = nextChars;
        length = nextLength;
        if (from != null) {
            from = nextFrom;
            to = nextTo;
            marks = nextMarks;
        }
        nextChars = null;
        nextFrom = null;
        nextTo = null;
        nextMarks = null;
        checkAscii();
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
