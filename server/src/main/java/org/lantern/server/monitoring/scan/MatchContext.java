package org.lantern.server.monitoring.scan;

/**
 * The words around a match, kept with it so that closing its alert as a false positive can offer
 * a school exclusion for "this phrase in these words": the whole text when it is short (a search),
 * else about {@value #AROUND} characters either side cut at spaces. A rule's separators
 * ({@code ;}, {@code |}) become spaces, as normalisation would read them anyway.
 */
final class MatchContext {

    /** Longest context: an exclusion's context is at most this long. */
    static final int MAX = 200;
    private static final int AROUND = 60;

    private MatchContext() {
    }

    /**
     * @param text     the text classified
     * @param original the part of it that matched
     * @return the context, at most {@value #MAX} characters, holding the match
     */
    static String around(String text, String original) {
        String context = text;
        if (text.length() > MAX) {
            int at = Math.max(0, text.indexOf(original));
            int begin = Math.max(0, at - AROUND);
            int end = Math.min(text.length(), at + original.length() + AROUND);
            // a word cut in two would not match the same text again
            while (begin > 0 && begin < at && !Character.isWhitespace(text.charAt(begin - 1))) {
                begin++;
            }
            while (end < text.length() && end > at + original.length() && !Character.isWhitespace(text.charAt(end))) {
                end--;
            }
            context = text.substring(begin, end);
        }
        context = context.replace(';', ' ').replace('|', ' ').strip().replaceAll("\\s+", " ");
        return context.length() <= MAX ? context : original.strip();
    }
}
