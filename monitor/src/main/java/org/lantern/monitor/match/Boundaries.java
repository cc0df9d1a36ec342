package org.lantern.monitor.match;

/**
 * Whether a span of a matching-form text is a whole phrase: it starts and ends at a space or the
 * text's edge, so "skill" holds no "kill". In scripts written without spaces (Chinese, Japanese,
 * Thai...) words meet with no break, so a phrase whose edge is in such a script needs none there.
 */
final class Boundaries {

    private Boundaries() {}

    static boolean wholePhrase(char[] text, int begin, int end) {
        return startsWord(text, begin) && endsWord(text, end);
    }

    /** @return whether a phrase may start at {@code begin}: a space or the edge before it */
    static boolean startsWord(char[] text, int begin) {
        return begin == 0 || text[begin - 1] == ' ' || spaceless(text[begin]);
    }

    /** @return whether a phrase may end at {@code end}: a space or the edge after it */
    static boolean endsWord(char[] text, int end) {
        return end == text.length || text[end] == ' ' || spaceless(text[end - 1]);
    }

    /** @return the end of the word that goes on at {@code end}, for an open word ({@code mour*}) found as its start */
    static int wordEnd(char[] text, int end) {
        int at = end;
        while (at < text.length && text[at] != ' ') {
            at++;
        }
        return at;
    }

    private static boolean spaceless(char c) {
        if (c < 0x0E00 || Character.isSurrogate(c)) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        };
    }
}
