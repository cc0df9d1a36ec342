package org.lantern.monitor.match;

/**
 * Whether a span of a matching-form text is a whole phrase: it starts and ends at a space or the
 * text's edge, so "skill" holds no "kill". In scripts written without spaces (Chinese, Japanese,
 * Thai...) words meet with no break, so a phrase whose edge is in such a script needs none there.
 */
final class Boundaries {

    private Boundaries() {}

    static boolean wholePhrase(char[] text, int begin, int end) {
        boolean left = begin == 0 || text[begin - 1] == ' ' || spaceless(text[begin]);
        return left && (end == text.length || text[end] == ' ' || spaceless(text[end - 1]));
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
