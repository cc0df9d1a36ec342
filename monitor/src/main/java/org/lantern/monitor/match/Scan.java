package org.lantern.monitor.match;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Arrays;

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

    private final char[] text;
    private final int lists;
    int[] listCounts;
    // allocated at the first phrase found: most texts have none
    CompiledPhrase[] found;
    int[] begins;
    int[] ends;
    int count;
    private java.util.BitSet foundIds;

    Scan(char[] text, int lists) {
        this.text = text;
        this.lists = lists;
    }

    @Override
    public void hit(int begin, int end, KeyTarget[] targets) {
        if (!Boundaries.wholePhrase(text, begin, end)) {
            return;
        }
        for (KeyTarget target : targets) {
            CompiledPhrase phrase = target.phrase;
            if (!isFound(phrase.id) && !target.cancelled(text, begin)) {
                add(phrase, begin, end);
            }
        }
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

    /** @return the first phrase found of {@code list} other than {@code self} */
    CompiledPhrase firstOtherIn(int list, CompiledPhrase self) {
        for (int i = 0; i < count; i++) {
            if (found[i].list == list && found[i] != self) {
                return found[i];
            }
        }
        return null;
    }
}
