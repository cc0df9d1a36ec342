package org.lantern.monitor.text;

/**
 * The text being normalised, one UTF-16 unit at a time, each with the span of the original text
 * it came from and the steps that changed it. Steps that only shorten the text or change units
 * one for one edit it in place (the common ASCII search costs no copies); the two that can
 * lengthen it (NFKC and case folding) rebuild it through {@link #startRebuild()}.
 */
final class TextBuffer {

    char[] chars;
    /** Original start of each unit. */
    int[] from;
    /** Original end (exclusive) of each unit. */
    int[] to;
    /** {@link Step#bit()}s of the steps that changed each unit. */
    int[] marks;
    int length;
    /** Whether every unit is ASCII, so the Unicode steps have nothing to do; see {@link #checkAscii()}. */
    boolean ascii;

    private char[] nextChars;
    private int[] nextFrom;
    private int[] nextTo;
    private int[] nextMarks;
    private int nextLength;

    TextBuffer(String text) {
        length = text.length();
        chars = text.toCharArray();
        from = new int[length];
        to = new int[length];
        marks = new int[length];
        for (int i = 0; i < length; i++) {
            from[i] = i;
            to[i] = i + 1;
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

    /** Copies unit {@code r} to position {@code w <= r} unchanged, for in-place steps. */
    void move(int w, int r) {
        chars[w] = chars[r];
        from[w] = from[r];
        to[w] = to[r];
        marks[w] = marks[r];
    }

    /**
     * Writes at {@code w} one unit standing for units {@code r0..r1-1}, for in-place steps.
     *
     * @param mark the step's bit, or 0 when the step did not change these units
     */
    void put(int w, char c, int r0, int r1, int mark) {
        int m = mark;
        for (int i = r0; i < r1; i++) {
            m |= marks[i];
        }
        int start = from[r0];
        int end = to[r1 - 1];
        chars[w] = c;
        from[w] = start;
        to[w] = end;
        marks[w] = m;
    }

    void startRebuild() {
        int capacity = length + 16;
        nextChars = new char[capacity];
        nextFrom = new int[capacity];
        nextTo = new int[capacity];
        nextMarks = new int[capacity];
        nextLength = 0;
    }

    /** Appends one unit standing for units {@code r0..r1-1} of the text being rebuilt. */
    void append(char c, int r0, int r1, int mark) {
        if (nextLength == nextChars.length) {
            int capacity = nextLength * 2;
            nextChars = java.util.Arrays.copyOf(nextChars, capacity);
            nextFrom = java.util.Arrays.copyOf(nextFrom, capacity);
            nextTo = java.util.Arrays.copyOf(nextTo, capacity);
            nextMarks = java.util.Arrays.copyOf(nextMarks, capacity);
        }
        int m = mark;
        for (int i = r0; i < r1; i++) {
            m |= marks[i];
        }
        nextChars[nextLength] = c;
        nextFrom[nextLength] = from[r0];
        nextTo[nextLength] = to[r1 - 1];
        nextMarks[nextLength] = m;
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
        from = nextFrom;
        to = nextTo;
        marks = nextMarks;
        length = nextLength;
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
