package org.lantern.monitor.match;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Arrays;
import org.lantern.monitor.library.PhraseGaps;

/**
 * One text's pass through the automaton: keeps the first uncancelled occurrence of each phrase
 * and counts, per list, how many phrases of it were found. Work per hit is bounded by the
 * library (its contexts' lengths), never by the text, and a phrase already found costs one
 * lookup, so a megabyte of one repeated word is still one linear pass. Not thread-safe: one per
 * text.
 */
final class Scan implements AhoCorasickDoubleArrayTrie.IHit<KeyTarget[]> {

    /** Above this many phrases found, membership moves from a linear search to a bit set. */
    private static final int SMALL = 16;

    /**
     * Most characters a gap spans: {@link PhraseGaps#MAX_WORDS} words of ordinary length. Bounds
     * the work of joining two parts, so a text is still read in linear time.
     */
    private static final int MAX_GAP_CHARS = PhraseGaps.MAX_WORDS * 25;

    private final char[] text;
    private final int lists;
    private final int gapSlots;
    // per part of a phrase with gaps: where the latest chain of its parts up to it starts and ends,
    // allocated at the first part found
    private int[] gapStarts;
    private int[] gapEnds;
    int[] listCounts;
    // allocated at the first phrase found: most texts have none
    CompiledPhrase[] found;
    int[] begins;
    int[] ends;
    int count;
    private java.util.BitSet foundIds;

    Scan(char[] text, int lists, int gapSlots) {
        this.text = text;
        this.lists = lists;
        this.gapSlots = gapSlots;
    }

    @Override
    public void hit(int begin, int end, KeyTarget[] targets) {
        if (!Boundaries.startsWord(text, begin)) {
            return;
        }
        boolean wordEnds = Boundaries.endsWord(text, end);
        for (KeyTarget target : targets) {
            if (!wordEnds && !target.open) {
                continue;
            }
            // an open word found as a word's start spans the whole word, for the explanation and the next gap
            int to = wordEnds ? end : Boundaries.wordEnd(text, end);
            CompiledPhrase phrase = target.phrase;
            if (target.slot >= 0) {
                gapPart(target, begin, to);
            } else if (!isFound(phrase.id) && !target.cancelled(text, begin)) {
                add(phrase, begin, to);
            }
        }
    }

    /**
     * A part of a phrase with gaps: the first starts a chain; each next one continues the latest
     * chain that ended at most {@link PhraseGaps#MAX_WORDS} words before it (or, after an open
     * word, right before it); the last finds the
     * phrase, from the chain's start. Hits come in order of their end, so the part before has
     * always been seen.
     */
    private void gapPart(KeyTarget target, int begin, int end) {
        if (isFound(target.phrase.id)) {
            return;
        }
        if (gapStarts == null) {
            gapStarts = new int[gapSlots];
            gapEnds = new int[gapSlots];
            Arrays.fill(gapEnds, -1);
        }
        int slot = target.slot + target.part;
        int start = begin;
        if (target.part > 0) {
            int before = gapEnds[slot - 1];
            // a part cut after an open word starts at the next word: one space after the stem's word
            boolean joins = before >= 0 && (target.adjacent ? before == begin - 1 : before < begin && near(before, begin));
            if (!joins) {
                return;
            }
            start = gapStarts[slot - 1];
        }
        if (target.part == target.parts - 1) {
            add(target.phrase, start, end);
        } else {
            gapStarts[slot] = start;
            gapEnds[slot] = end;
        }
    }

    /** @return whether at most {@link PhraseGaps#MAX_WORDS} words lie between {@code from} (a space) and {@code to} */
    private boolean near(int from, int to) {
        if (to - from > MAX_GAP_CHARS) {
            return false;
        }
        int spaces = 0;
        for (int i = from; i < to; i++) {
            if (text[i] == ' ') {
                spaces++;
            }
        }
        return spaces - 1 <= PhraseGaps.MAX_WORDS;
    }

    private boolean isFound(int id) {
        if (foundIds != null) {
            return foundIds.get(id);
        }
        for (int i = 0; i < count; i++) {
            if (found[i].id == id) {
                return true;
            }
        }
        return false;
    }

    private void add(CompiledPhrase phrase, int begin, int end) {
        if (found == null) {
            found = new CompiledPhrase[4];
            begins = new int[4];
            ends = new int[4];
        } else if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
            begins = Arrays.copyOf(begins, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        found[count] = phrase;
        begins[count] = begin;
        ends[count] = end;
        count++;
        if (foundIds != null) {
            foundIds.set(phrase.id);
        } else if (count > SMALL) {
            foundIds = new java.util.BitSet();
            for (int i = 0; i < count; i++) {
                foundIds.set(found[i].id);
            }
        }
        if (listCounts == null) {
            listCounts = new int[lists];
        }
        listCounts[phrase.list]++;
    }

    /** @return how many phrases of {@code list} were found, not counting {@code self} */
    int othersIn(int list, CompiledPhrase self) {
        if (list == CompiledPhrase.NO_LIST || listCounts == null) {
            return 0;
        }
        return listCounts[list] - (self.list == list ? 1 : 0);
    }

    /**
     * @return how many phrases of {@code list} were found beside the phrase found at index
     *         {@code self}: not itself, and none of its own words ({@code how many pills} is not
     *         raised by the {@code how many} it holds); a phrase with gaps counts what lies in
     *         its gaps ({@code take all the pills}), not what starts or ends with it
     */
    int besides(int list, int self) {
        if (othersIn(list, found[self]) == 0) {
            return 0;
        }
        int besides = 0;
        for (int i = 0; i < count; i++) {
            if (found[i].list == list && i != self && !within(i, self)) {
                besides++;
            }
        }
        return besides;
    }

    /** @return the first phrase of {@code list} found beside the phrase at index {@code self}, as {@link #besides} counts */
    CompiledPhrase firstBesides(int list, int self) {
        for (int i = 0; i < count; i++) {
            if (found[i].list == list && i != self && !within(i, self)) {
                return found[i];
            }
        }
        return null;
    }

    private boolean within(int i, int self) {
        if (begins[i] < begins[self] || ends[i] > ends[self]) {
            return false;
        }
        return !found[self].gapped || begins[i] == begins[self] || ends[i] == ends[self];
    }
}
