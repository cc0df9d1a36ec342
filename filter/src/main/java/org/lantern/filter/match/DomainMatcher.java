package org.lantern.filter.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedHost;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/**
 * Matches hosts against domainlists by label suffix: entry {@code bad.example} matches {@code
 * bad.example} and {@code a.bad.example} but not {@code notbad.example} or {@code
 * bad.example.org}. IP entries match IP hosts exactly. One matcher holds every list; a lookup
 * returns every list that has the host or one of its parent domains, most specific entry first.
 *
 * <p>Hand-written open-addressing hash table over a single byte arena, because millions of
 * entries as {@code String}s in a {@code HashMap} cost several times the heap: each entry costs
 * its ASCII bytes plus about 14 bytes of index. A lookup hashes every label suffix of the host in
 * one right-to-left pass and probes once per suffix. Immutable and thread-safe once built.
 */
public final class DomainMatcher {

    private final byte[] arena;
    private final int[] offsets;
    private final int[] entrySets;
    private final int[] table;
    private final int[][] sets;
    private final ListId[] lists;
    // Eight to sixteen bits an entry: an array a sixth the table's size, read before the table and
    // offsets reads each probe otherwise costs (cache misses on a large list).
    private final HashFilter filter;

    private DomainMatcher(Builder b) {
        this.arena = Arrays.copyOf(b.arena, b.arenaSize);
        this.offsets = Arrays.copyOf(b.offsets, b.size + 1);
        this.entrySets = Arrays.copyOf(b.entrySets, b.size);
        this.table = b.table;
        this.sets = b.sets.toArray(new int[0][]);
        this.lists = b.lists.toArray(new ListId[0]);
        this.filter = new HashFilter(b.size, 8);
        for (int entry = 0; entry < b.size; entry++) {
            filter.add(mix(hashOf(arena, offsets[entry], offsets[entry + 1])));
        }
    }

    /** @return a builder for a new matcher */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of distinct entries across all lists */
    public int size() {
        return offsets.length - 1;
    }

    /**
     * Finds every domain entry matching the URL's host.
     *
     * @param url the normalised request
     * @return matches, the most specific (longest) entry first; empty when none
     */
    public List<Match> match(NormalisedUrl url) {
        return matchHost(url.host(), url.hostIsIp());
    }

    /**
     * Finds every domain entry matching a normalised host.
     *
     * @param host a host as produced by {@link UrlNormaliser}
     * @param isIp whether the host is an IP literal, which matches exactly and never by suffix
     * @return matches, the most specific (longest) entry first; empty when none
     */
    public List<Match> matchHost(String host, boolean isIp) {
        List<Match> out = null;
        int hash = 0;
        for (int i = host.length() - 1; i >= -1; i--) {
            if (i == -1 || (host.charAt(i) == '.' && !isIp)) {
                int entry = find(host, i + 1, hash);
                if (entry >= 0) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    String text = host.substring(i + 1);
                    for (int list : sets[entrySets[entry]]) {
                        out.add(new Match(lists[list], text, MatchKind.DOMAIN));
                    }
                }
            }
            if (i >= 0) {
                hash = step(hash, host.charAt(i));
            }
        }
        if (out == null) {
            return List.of();
        }
        // Built from the right, so shorter suffixes came first; callers want the most specific first.
        Collections.reverse(out);
        return out;
    }

    private int find(String host, int from, int hash) {
        int mixed = mix(hash);
        if (!filter.mayContain(mixed)) {
            return -1;
        }
        int mask = table.length - 1;
        int length = host.length() - from;
        for (int slot = mixed & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            int start = offsets[entry];
            if (offsets[entry + 1] - start == length && sameBytes(host, from, start, length)) {
                return entry;
            }
        }
    }

    private boolean sameBytes(String host, int from, int start, int length) {
        for (int k = 0; k < length; k++) {
            if (arena[start + k] != (byte) host.charAt(from + k)) {
                return false;
            }
        }
        return true;
    }

    /** Right-to-left polynomial hash, so all suffixes of a host are hashed in one pass. */
    private static int step(int hash, char c) {
        return hash * 31 + c;
    }

    /** Spreads a hash's bits (MurmurHash3's finaliser), so a power-of-two mask of it is well spread. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private static int hashOf(byte[] bytes, int start, int end) {
        int hash = 0;
        for (int i = end - 1; i >= start; i--) {
            hash = step(hash, (char) bytes[i]);
        }
        return hash;
    }

    /**
     * Collects domainlist entries from many lists; not thread-safe. Entries are normalised as
     * request hosts are (case, IDN, IPv4 forms), so list spelling never decides a match.
     */
    public static final class Builder {

        private static final UrlNormaliser NORMALISER = new UrlNormaliser();

        private byte[] arena = new byte[1 << 16];
        private int arenaSize;
        private int[] offsets = new int[1 << 12];
        private int[] entrySets = new int[1 << 12];
        private int size;
        private int[] table = new int[1 << 13];
        private final List<int[]> sets = new ArrayList<>();
        private final Map<List<Integer>, Integer> setIds = new HashMap<>();
        private final List<ListId> lists = new ArrayList<>();
        private final Map<ListId, Integer> listIds = new HashMap<>();

        private Builder() {}

        /**
         * Adds one domainlist entry; a leading {@code .} or {@code *.} is accepted and ignored, since
         * every entry already covers its sub-domains.
         *
         * @param entry a domain or IP address
         * @param list the list it belongs to
         * @return the entry as normalised and stored
         * @throws InvalidEntryException if the entry is not a valid host
         */
        public String add(String entry, ListId list) throws InvalidEntryException {
            String raw = entry.strip();
            if (raw.startsWith("*.")) {
                raw = raw.substring(2);
            } else if (raw.startsWith(".")) {
                raw = raw.substring(1);
            }
            if (raw.indexOf('/') >= 0) {
                throw new InvalidEntryException("a domain entry cannot contain '/'");
            }
            NormalisedHost host;
            try {
                host = NORMALISER.normaliseHost(raw);
            } catch (MalformedUrlException e) {
                throw new InvalidEntryException(e.getMessage());
            }
            insert(host.name(), listIndex(list));
            return host.name();
        }

        private int listIndex(ListId list) {
            return listIds.computeIfAbsent(
                    list,
                    l -> {
                        lists.add(l);
                        return lists.size() - 1;
                    });
        }

        private void insert(String name, int list) {
            int hash = 0;
            for (int i = name.length() - 1; i >= 0; i--) {
                hash = step(hash, name.charAt(i));
            }
            int mask = table.length - 1;
            int slot = mix(hash) & mask;
            while (table[slot] != 0) {
                int entry = table[slot] - 1;
                int start = offsets[entry];
                if (offsets[entry + 1] - start == name.length() && matches(name, start)) {
                    entrySets[entry] = union(entrySets[entry], list);
                    return;
                }
                slot = (slot + 1) & mask;
            }
            ensureCapacity(name.length());
            for (int i = 0; i < name.length(); i++) {
                arena[arenaSize++] = (byte) name.charAt(i);
            }
            entrySets[size] = union(-1, list);
            size++;
            offsets[size] = arenaSize;
            table[slot] = size;
            if (size * 10L > table.length * 6L) {
                rehash(table.length * 2);
            }
        }

        private boolean matches(String name, int start) {
            for (int k = 0; k < name.length(); k++) {
                if (arena[start + k] != (byte) name.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private int union(int setId, int list) {
            int[] current = setId < 0 ? new int[0] : sets.get(setId);
            if (Arrays.binarySearch(current, list) >= 0) {
                return setId;
            }
            int[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = list;
            Arrays.sort(next);
            List<Integer> key = Arrays.stream(next).boxed().toList();
            return setIds.computeIfAbsent(
                    key,
                    k -> {
                        sets.add(next);
                        return sets.size() - 1;
                    });
        }

        private void ensureCapacity(int bytes) {
            if (arenaSize + bytes > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + bytes));
            }
            if (size + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
                entrySets = Arrays.copyOf(entrySets, entrySets.length * 2);
            }
        }

        private void rehash(int capacity) {
            int[] next = new int[capacity];
            int mask = capacity - 1;
            for (int entry = 0; entry < size; entry++) {
                int slot = mix(hashOf(arena, offsets[entry], offsets[entry + 1])) & mask;
                while (next[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                next[slot] = entry + 1;
            }
            table = next;
        }

        /** @return the immutable matcher; the builder must not be used afterwards */
        public DomainMatcher build() {
            return new DomainMatcher(this);
        }
    }
}
