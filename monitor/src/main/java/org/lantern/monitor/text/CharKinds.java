package org.lantern.monitor.text;

/**
 * What a character is to the matcher: part of a word (letters, digits and combining marks, so a
 * Devanagari vowel sign stays inside its word), a symbol that leetspeak may read as a letter, or
 * a separator. Decided per code point, so a letter outside the BMP is a letter.
 */
final class CharKinds {

    /** ASCII letters and digits. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[c - 'a' + 'A'] = true;
        }
    }

    private CharKinds() {}

    static boolean isWord(int cp) {
        if (cp < 128) {
            return ASCII_WORD[cp];
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Symbols that stand for letters in leetspeak ({@code $uicide}, {@code @ss}, {@code k!ll}, {@code |ove}). */
    static boolean isLeetSymbol(int cp) {
        return cp == '$' || cp == '@' || cp == '!' || cp == '|';
    }

    /** Word characters and leet symbols: what a token is made of before leetspeak is read. */
    static boolean isToken(int cp) {
        return isWord(cp) || isLeetSymbol(cp);
    }

    /** @return the code point at {@code i}, a lone surrogate as itself */
    static int codePointAt(TextBuffer t, int i) {
        return Character.codePointAt(t.chars, i, t.length);
    }
}
