package org.lantern.monitor.text;

import java.util.Arrays;
import java.util.Map;

/**
 * Writes out the short forms people type, so one phrase finds them all: contractions, with or
 * without their apostrophe ({@code i'm}, {@code im}, {@code don't}, {@code dont}, {@code i'll}),
 * text-speak ({@code gonna}, {@code wanna}, {@code ima}, {@code u}, {@code tmrw}, {@code rn}) and
 * pronouns split or spelled as said ({@code my self}, {@code meself}, {@code ur self}). By this
 * step an apostrophe is a word break, so {@code i'm} arrives as {@code i m}: a contraction's
 * second half ({@code m}, {@code t}, {@code ll}, {@code re}, {@code ve}, {@code d}, {@code s})
 * and the split {@code self} are read with the word before them. Words that are also ordinary
 * words when written without the apostrophe ({@code ill}, {@code were}, {@code its}, {@code well},
 * {@code id}, {@code hell}) are written out only with it. Text and phrases go through it alike.
 *
 * <p>Words are looked up as a number (five bits a letter, at most twelve), with no string made
 * per word, and a text is rebuilt only when one of its words is found, which most searches are not.
 */
final class Shorthand implements NormalisationStep {

    /** Whole words and what they stand for. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            // contractions typed without their apostrophe
            Map.entry("im", "i am"), Map.entry("iam", "i am"), Map.entry("ive", "i have"),
            Map.entry("dont", "do not"), Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"),
            Map.entry("cant", "cannot"), Map.entry("wont", "will not"), Map.entry("isnt", "is not"),
            Map.entry("wasnt", "was not"), Map.entry("arent", "are not"), Map.entry("werent", "were not"),
            Map.entry("havent", "have not"), Map.entry("hasnt", "has not"), Map.entry("hadnt", "had not"),
            Map.entry("shouldnt", "should not"), Map.entry("wouldnt", "would not"), Map.entry("couldnt", "could not"),
            Map.entry("youre", "you are"), Map.entry("theyre", "they are"), Map.entry("youll", "you will"),
            Map.entry("theyll", "they will"), Map.entry("youve", "you have"), Map.entry("theyve", "they have"),
            Map.entry("thats", "that is"), Map.entry("whats", "what is"), Map.entry("hes", "he is"),
            Map.entry("shes", "she is"), Map.entry("theres", "there is"),
            // text-speak
            Map.entry("u", "you"), Map.entry("gonna", "going to"), Map.entry("gona", "going to"),
            Map.entry("gunna", "going to"), Map.entry("finna", "going to"), Map.entry("wanna", "want to"),
            Map.entry("wana", "want to"), Map.entry("ima", "i am going to"), Map.entry("imma", "i am going to"),
            Map.entry("gotta", "got to"), Map.entry("tryna", "trying to"), Map.entry("hafta", "have to"),
            Map.entry("lemme", "let me"), Map.entry("gimme", "give me"), Map.entry("dunno", "do not know"),
            Map.entry("idk", "i do not know"), Map.entry("rn", "right now"), Map.entry("tmrw", "tomorrow"),
            Map.entry("tmr", "tomorrow"), Map.entry("tmrow", "tomorrow"), Map.entry("tomoz", "tomorrow"),
            Map.entry("tomorow", "tomorrow"), Map.entry("tonite", "tonight"), Map.entry("tonit", "tonight"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("cuz", "because"),
            Map.entry("coz", "because"), Map.entry("bcoz", "because"), Map.entry("ppl", "people"),
            Map.entry("bf", "boyfriend"), Map.entry("gf", "girlfriend"), Map.entry("bday", "birthday"),
            Map.entry("tommorow", "tomorrow"), Map.entry("tommorrow", "tomorrow"),
            // someone and everyone as sum1 and every1, which leetspeak has read as sumi and everyi
            Map.entry("sumone", "someone"), Map.entry("sumi", "someone"), Map.entry("somei", "someone"),
            Map.entry("everyi", "everyone"), Map.entry("anyi", "anyone"),
            // pronouns as said
            Map.entry("meself", "myself"), Map.entry("miself", "myself"), Map.entry("maself", "myself"),
            Map.entry("myslef", "myself"), Map.entry("urself", "yourself"), Map.entry("yaself", "yourself"),
            Map.entry("yoself", "yourself"), Map.entry("youself", "yourself"), Map.entry("yourslef", "yourself"),
            Map.entry("urselves", "yourselves"), Map.entry("hisself", "himself"), Map.entry("themself", "themselves"));

    /** A word and the short word after it, as typed with an apostrophe or a space between. */
    private static final Map<String, String> PAIRS = Map.ofEntries(
            Map.entry("i m", "i am"), Map.entry("i ll", "i will"), Map.entry("i ve", "i have"), Map.entry("i d", "i would"),
            Map.entry("you re", "you are"), Map.entry("you ll", "you will"), Map.entry("you ve", "you have"),
            Map.entry("u r", "you are"), Map.entry("you r", "you are"),
            Map.entry("we re", "we are"), Map.entry("we ll", "we will"), Map.entry("they re", "they are"),
            Map.entry("they ll", "they will"), Map.entry("he ll", "he will"), Map.entry("she ll", "she will"),
            Map.entry("he d", "he would"), Map.entry("she d", "she would"), Map.entry("they d", "they would"),
            Map.entry("you d", "you would"), Map.entry("we d", "we would"),
            Map.entry("he s", "he is"), Map.entry("she s", "she is"), Map.entry("it s", "it is"),
            Map.entry("that s", "that is"), Map.entry("what s", "what is"), Map.entry("there s", "there is"),
            Map.entry("don t", "do not"), Map.entry("doesn t", "does not"), Map.entry("didn t", "did not"),
            Map.entry("can t", "cannot"), Map.entry("can not", "cannot"), Map.entry("won t", "will not"),
            Map.entry("isn t", "is not"), Map.entry("wasn t", "was not"), Map.entry("aren t", "are not"),
            Map.entry("weren t", "were not"), Map.entry("haven t", "have not"), Map.entry("hasn t", "has not"),
            Map.entry("hadn t", "had not"), Map.entry("shouldn t", "should not"), Map.entry("wouldn t", "would not"),
            Map.entry("couldn t", "could not"),
            Map.entry("my self", "myself"), Map.entry("me self", "myself"), Map.entry("your self", "yourself"),
            Map.entry("ur self", "yourself"), Map.entry("u self", "yourself"), Map.entry("ya self", "yourself"), Map.entry("him self", "himself"),
            Map.entry("her self", "herself"), Map.entry("them selves", "themselves"), Map.entry("them self", "themselves"),
            Map.entry("our selves", "ourselves"), Map.entry("your selves", "yourselves"));

    private static final long[] WORD_KEYS = keys(WORDS);
    private static final String[] WORD_VALUES = values(WORDS, WORD_KEYS);
    private static final long[] PAIR_KEYS = keys(PAIRS);
    private static final String[] PAIR_VALUES = values(PAIRS, PAIR_KEYS);
    /** Longest word looked up alone, and longest pair: longer words cost no lookup. */
    private static final int LONGEST = 12;

    @Override
    public void apply(TextBuffer t) {
        if (find(t, false)) {
            t.startRebuild();
            find(t, true);
            t.finishRebuild();
        }
    }

    /**
     * One pass over the words: with {@code write} false, whether any is found; with it true, the
     * text rebuilt with every one found written out.
     */
    private static boolean find(TextBuffer t, boolean write) {
        char[] c = t.chars;
        int n = t.length;
        int mark = Step.SHORTHAND.bit();
        // the word before, not yet written: a pair may take it
        int before = -1;
        int beforeEnd = -1;
        int r = 0;
        while (r < n) {
            int end = r;
            while (end < n && c[end] != ' ') {
                end++;
            }
            if (end == r) {
                // leetspeak leaves a space for a symbol it did not read: the last word breaks tidy them
                r++;
                continue;
            }
            int pair = before < 0 ? -1 : lookup(PAIR_KEYS, c, before, end);
            if (pair >= 0) {
                if (!write) {
                    return true;
                }
                space(t, before);
                t.append(PAIR_VALUES[pair], before, end, mark);
                before = -1;
            } else {
                if (before >= 0 && writeWord(t, before, beforeEnd, write, mark)) {
                    return true;
                }
                before = r;
                beforeEnd = end;
            }
            r = end + 1;
        }
        return before >= 0 && writeWord(t, before, beforeEnd, write, mark);
    }

    /** Writes one word, written out when it is found; without {@code write}, says whether it is. */
    private static boolean writeWord(TextBuffer t, int start, int end, boolean write, int mark) {
        int word = lookup(WORD_KEYS, t.chars, start, end);
        if (!write) {
            return word >= 0;
        }
        space(t, start);
        if (word >= 0) {
            t.append(WORD_VALUES[word], start, end, mark);
        } else {
            for (int i = start; i < end; i++) {
                t.append(t.chars[i], i, i + 1, 0);
            }
        }
        return false;
    }

    /** The space before a word, unless it is the text's first. */
    private static void space(TextBuffer t, int start) {
        if (start > 0) {
            t.append(' ', start - 1, start, 0);
        }
    }

    /** @return the index of {@code c[start..end)} in {@code keys}, or -1 */
    private static int lookup(long[] keys, char[] c, int start, int end) {
        long key = key(c, start, end);
        int at = key < 0 ? -1 : Arrays.binarySearch(keys, key);
        return Math.max(at, -1);
    }

    /** @return the text as a number, five bits a character (a to z, a space), or -1 */
    static long key(CharSequence s) {
        char[] c = s.toString().toCharArray();
        return key(c, 0, c.length);
    }

    private static long key(char[] c, int start, int end) {
        if (end - start > LONGEST) {
            return -1;
        }
        long key = 0;
        for (int i = start; i < end; i++) {
            char ch = c[i];
            int code;
            if (ch >= 'a' && ch <= 'z') {
                code = ch - 'a' + 1;
            } else if (ch == ' ') {
                code = 27;
            } else {
                return -1;
            }
            key = key << 5 | code;
        }
        return key;
    }

    private static long[] keys(Map<String, String> table) {
        long[] keys = table.keySet().stream().mapToLong(Shorthand::key).sorted().toArray();
        if (Arrays.stream(keys).anyMatch(k -> k < 0)) {
            throw new IllegalStateException("a short form longer than " + LONGEST + " characters");
        }
        return keys;
    }

    private static String[] values(Map<String, String> table, long[] keys) {
        String[] values = new String[keys.length];
        table.forEach((word, value) -> values[Arrays.binarySearch(keys, key(word))] = value);
        return values;
    }
}
