package org.lantern.monitor.text;

/**
 * Reads digits and symbols as the letters they stand for inside a word that has letters:
 * {@code k1ll} is {@code kill}, {@code d13} is {@code die}, {@code $uicide} is {@code suicide},
 * {@code @ss} is {@code ass}. A number on its own ({@code kill -9}, {@code 2024}) is left alone.
 * {@code 1} is read as {@code i}, never {@code l}: one reading keeps text and phrases agreeing.
 * {@code !} and {@code |} are letters only before a letter or digit of the word, so "help!" and
 * "no!!!" keep their meaning; symbols not read as letters become word breaks.
 */
final class Leetspeak implements NormalisationStep {

    /** The letter each digit stands for, 0 where a digit is not read as one. */
    private static final char[] DIGITS = {'o', 'i', 0, 'e', 'a', 's', 0, 't', 'b', 'g'};

    @Override
    public void apply(TextBuffer t) {
        char[] c = t.chars;
        int n = t.length;
        int mark = Step.LEETSPEAK.bit();
        int i = 0;
        while (i < n) {
            if (c[i] == ' ') {
                i++;
                continue;
            }
            int end = i;
            boolean letters = false;
            boolean leet = false;
            while (end < n && c[end] != ' ') {
                char ch = c[end];
                if (ch < 0x80) {
                    if (ch >= 'a' && ch <= 'z') {
                        letters = true;
                    } else {
                        leet = true;
                    }
                } else if (Character.isLetter(ch) || Character.isSurrogate(ch)) {
                    letters = true;
                }
                end++;
            }
            if (leet) {
                for (int k = i; k < end; k++) {
                    char ch = c[k];
                    if (ch >= '0' && ch <= '9') {
                        char letter = DIGITS[ch - '0'];
                        if (letters && letter != 0) {
                            c[k] = letter;
                            t.mark(k, mark);
                        }
                    } else if (CharKinds.isLeetSymbol(ch)) {
                        char letter = letters ? symbol(ch, k + 1 < end && !CharKinds.isLeetSymbol(c[k + 1])) : 0;
                        c[k] = letter == 0 ? ' ' : letter;
                        if (letter != 0) {
                            t.mark(k, mark);
                        }
                    }
                }
            }
            i = end;
        }
    }

    private static char symbol(char c, boolean beforeWord) {
        return switch (c) {
            case '$' -> 's';
            case '@' -> 'a';
            case '!' -> beforeWord ? 'i' : 0;
            case '|' -> beforeWord ? 'l' : 0;
            default -> 0;
        };
    }
}
