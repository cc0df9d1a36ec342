package org.lantern.monitor.match;

import java.util.HexFormat;
import org.lantern.monitor.library.Category;

/**
 * The one JSON form of a {@link Classification}, shared by {@code lantern classify} and
 * {@code POST /api/v1/monitor/classify} so the two can never drift apart:
 * {@code {"text", "level", "categories": [{"id", "level", "phrase", "normalised", "rule", "library",
 * "libraryVersion"}], "helpSeeking"}}, on one line.
 *
 * <p>A match of the {@link Category#ILLEGAL} category is child-abuse material, handled as illegal
 * content: its phrase, its normalised form and the words it matched in the text are never shown in
 * full, only their first letter and asterisks, and the category says so in a {@code note}; so is
 * any other match within those words. Written
 * by hand rather than with a JSON library so the monitor engine stays free of frameworks.
 */
public final class ClassificationJson {

    /** The note on a masked category, saying why its words are not shown. */
    public static final String MASKED_NOTE = "illegal content: masked, never shown in full";

    private ClassificationJson() {
    }

    /**
     * @param classification what the matcher made of a text
     * @return its JSON object on one line, with illegal content masked
     */
    public static String toJson(Classification classification) {
        StringBuilder json = new StringBuilder(128 + classification.text().length());
        append(json, classification);
        return json.toString();
    }

    /**
     * Appends {@link #toJson}'s object, for a caller writing many into one buffer.
     *
     * @param json           where to append, no line break after
     * @param classification what the matcher made of a text
     */
    public static void append(StringBuilder json, Classification classification) {
        open(json, maskedText(classification), classification.level());
        boolean first = true;
        for (Match match : classification.matches()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            boolean illegal = masked(match, classification);
            json.append("{\"id\":");
            string(json, match.category().id());
            json.append(",\"level\":").append(match.level()).append(",\"phrase\":");
            string(json, illegal ? mask(match.phrase()) : match.phrase());
            json.append(",\"normalised\":");
            string(json, illegal ? mask(match.normalised()) : match.normalised());
            json.append(",\"rule\":");
            string(json, match.rule());
            json.append(",\"library\":");
            string(json, match.library());
            json.append(",\"libraryVersion\":");
            string(json, match.libraryVersion());
            if (illegal) {
                json.append(",\"note\":");
                string(json, MASKED_NOTE);
            }
            json.append('}');
        }
        close(json, classification.helpSeeking());
    }

    /**
     * Appends the object {@link #toJson} gives a text in which nothing was found, without its
     * classification: see {@link PhraseMatcher#findsNothing}.
     *
     * @param json where to append, no line break after
     * @param text a text of at most {@link PhraseMatcher#MAX_CHARS} in which nothing was found
     */
    public static void appendNothingFound(StringBuilder json, String text) {
        open(json, text, 0);
        close(json, false);
    }

    private static void open(StringBuilder json, String text, int level) {
        json.append("{\"text\":");
        string(json, text);
        json.append(",\"level\":").append(level).append(",\"categories\":[");
    }

    private static void close(StringBuilder json, boolean helpSeeking) {
        json.append("],\"helpSeeking\":").append(helpSeeking).append('}');
    }

    /**
     * @param match          one of the classification's matches
     * @param classification the classification
     * @return whether the match is to be masked: an illegal one, or one inside the words of an
     *         illegal one ("porn" in a masked phrase would give the phrase away)
     */
    public static boolean masked(Match match, Classification classification) {
        if (match.category() == Category.ILLEGAL) {
            return true;
        }
        for (Match other : classification.matches()) {
            if (other.category() == Category.ILLEGAL && other.original().contains(match.original())) {
                return true;
            }
        }
        return false;
    }

    /** @return the text with every part an illegal phrase matched masked */
    public static String maskedText(Classification classification) {
        String text = classification.text();
        for (Match match : classification.matches()) {
            if (match.category() == Category.ILLEGAL && !match.original().isEmpty()) {
                text = text.replace(match.original(), mask(match.original()));
            }
        }
        return text;
    }

    /**
     * @param words illegal words
     * @return their first letter, then an asterisk for every other character but spaces, so the
     *         reader sees where the words were and nothing of what they said
     */
    public static String mask(String words) {
        StringBuilder masked = new StringBuilder(words.length());
        int first = words.isEmpty() ? 0 : Character.charCount(words.codePointAt(0));
        masked.append(words, 0, first);
        for (int i = first; i < words.length(); i += Character.charCount(words.codePointAt(i))) {
            int c = words.codePointAt(i);
            masked.append(Character.isWhitespace(c) ? (char) c : '*');
        }
        return masked.toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        // runs that need no escape are copied whole: most texts have no character to escape
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            json.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                // other control characters, and U+2028/9, which end a line in JavaScript, as escapes
                default -> json.append("\\u").append(HexFormat.of().toHexDigits(c));
            }
        }
        json.append(value, run, value.length()).append('"');
    }
}
