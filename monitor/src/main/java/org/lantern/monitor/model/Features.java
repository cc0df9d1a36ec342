package org.lantern.monitor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What the {@link RiskModel} reads of a text: the words of its matching form (already folded,
 * de-disguised and stripped of English endings by the normaliser, so {@code k1lling} and
 * {@code killing} are one word) as 64-bit hashes: every word, every pair of neighbours, every pair
 * with one word between ("want ... die"), and the first five letters of a long word, the stem that
 * other languages' endings keep ({@code mourir}, {@code mourrai}). Identity words (sexuality,
 * gender, religion, ethnicity, from the libraries' identity terms) are left out before anything
 * is read, so an identity can never add to a text's risk: "kill all X" is read as "kill all".
 *
 * <p>Hashes rather than strings so a text costs no allocation per word; two features sharing a
 * hash would share a weight, at 64 bits for a few hundred thousand features never in practice.
 * Immutable and safe to share.
 */
final class Features {

    /** What a text yields: each feature's hash and the span of matching form it covers. */
    interface Sink {
        void feature(long hash, int begin, int end);
    }

    private static final long UNIGRAM = 0x9E3779B97F4A7C15L;
    private static final long BIGRAM = 0xC2B2AE3D27D4EB4FL;
    private static final long SKIP = 0x165667B19E3779F9L;
    private static final long STEM = 0xD6E8FEB86659FD93L;
    private static final int STEM_LENGTH = 5;
    private static final long GRAM = 0x2545F4914F6CDD1DL;
    /** Letters of an Arabic-script word read in runs of this many. */
    private static final int GRAMS = 3;
    /** Words read of one text: a search or a message, never a document's worth (its start stands for it). */
    static final int MAX_WORDS = 4096;

    private final long[] identityWords;
    private final long[][] identityPhrases;

    /**
     * @param identityTerms identity terms in matching form; a term of one word is left out wherever
     *                      it appears, a term of several words where they appear together
     */
    Features(Collection<String> identityTerms) {
        List<Long> words = new ArrayList<>();
        List<long[]> phrases = new ArrayList<>();
        for (String term : identityTerms) {
            String[] parts = term.strip().split(" +");
            if (parts.length == 1 && !parts[0].isEmpty()) {
                words.add(word(parts[0].toCharArray(), 0, parts[0].length()));
            } else if (parts.length > 1) {
                phrases.add(Arrays.stream(parts).mapToLong(p -> word(p.toCharArray(), 0, p.length())).toArray());
            }
        }
        identityWords = words.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        identityPhrases = phrases.toArray(long[][]::new);
    }

    /**
     * @param chars a text's matching form: words of letters separated by single spaces
     * @param sink  told every feature, in text order
     * @return the number of features
     */
    int read(char[] chars, Sink sink) {
        int[] bounds = words(chars);
        int n = bounds.length / 2;
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = word(chars, bounds[2 * i], bounds[2 * i + 1]);
        }
        boolean[] identity = identity(hashes);
        int count = 0;
        // the words kept, as indexes, so pairs join across a word left out
        int prev1 = -1;
        int prev2 = -1;
        for (int i = 0; i < n; i++) {
            if (identity[i]) {
                continue;
            }
            int begin = bounds[2 * i];
            int end = bounds[2 * i + 1];
            sink.feature(mix(hashes[i], UNIGRAM), begin, end);
            count++;
            if (end - begin > STEM_LENGTH) {
                sink.feature(mix(word(chars, begin, begin + STEM_LENGTH), STEM), begin, end);
                count++;
            }
            if (arabicScript(chars, begin, end)) {
                // a word written with the pronouns and particles it carries: its letters in threes
                for (int g = begin; g + GRAMS <= end; g++) {
                    sink.feature(mix(word(chars, g, g + GRAMS), GRAM), begin, end);
                    count++;
                }
            }
            if (prev1 >= 0) {
                sink.feature(mix(hashes[prev1] * 31 + hashes[i], BIGRAM), bounds[2 * prev1], end);
                count++;
            }
            if (prev2 >= 0) {
                sink.feature(mix(hashes[prev2] * 31 + hashes[i], SKIP), bounds[2 * prev2], end);
                count++;
            }
            prev2 = prev1;
            prev1 = i;
        }
        return count;
    }

    private static boolean arabicScript(char[] chars, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (chars[i] >= '\u0600' && chars[i] <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    /** @return begin and end of each word, at most {@link #MAX_WORDS} */
    private static int[] words(char[] chars) {
        int count = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != ' ' && (i == 0 || chars[i - 1] == ' ')) {
                count++;
            }
        }
        int[] bounds = new int[Math.min(count, MAX_WORDS) * 2];
        int w = 0;
        for (int i = 0; i < chars.length && w < bounds.length; i++) {
            if (chars[i] != ' ' && (i == 0 || chars[i - 1] == ' ')) {
                int end = i;
                while (end < chars.length && chars[end] != ' ') {
                    end++;
                }
                bounds[w++] = i;
                bounds[w++] = end;
            }
        }
        return bounds;
    }

    private boolean[] identity(long[] hashes) {
        boolean[] identity = new boolean[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            if (Arrays.binarySearch(identityWords, hashes[i]) >= 0) {
                identity[i] = true;
            }
            for (long[] phrase : identityPhrases) {
                if (phrase[0] == hashes[i] && i + phrase.length <= hashes.length
                        && Arrays.equals(hashes, i, i + phrase.length, phrase, 0, phrase.length)) {
                    Arrays.fill(identity, i, i + phrase.length, true);
                }
            }
        }
        return identity;
    }

    /** FNV-1a over the word's characters: cheap, and spread well enough once {@link #mix}ed. */
    private static long word(char[] chars, int begin, int end) {
        long h = 0xCBF29CE484222325L;
        for (int i = begin; i < end; i++) {
            h = (h ^ chars[i]) * 0x100000001B3L;
        }
        return h;
    }

    /** The finaliser of SplitMix64, salted by the feature's kind so a word and a pair never collide by construction. */
    private static long mix(long h, long salt) {
        long z = h + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
