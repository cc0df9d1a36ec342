package org.lantern.filter.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedHost;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/**
 * Matches URLs against squidGuard urllists ({@code host/path} entries).
 *
 * <p>squidGuard compatibility: as in squidGuard, the path part is a plain, case-insensitive
 * string prefix of the request's path and query ({@code site.example/en} matches {@code
 * /en/x} and also {@code /english}), and a leading {@code www}, {@code web} or {@code ftp} label
 * (optionally followed by digits) is ignored. Deliberately stricter than squidGuard: the host part
 * matches the request host by label suffix as domainlists do (squidGuard compares the host
 * exactly, so {@code m.site.example/en} escaped an entry for {@code site.example/en}), and both
 * sides are compared after full normalisation, so encoded or dot-segment spellings of a listed
 * path cannot slip past. A host-only entry covers the whole host at label boundaries, never
 * {@code site.example.evil} as squidGuard's raw string prefix would.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class UrlListMatcher {

    private static final Pattern HOST_PREFIX = Pattern.compile("^(?:www|web|ftp)[0-9]*\\.(?=[^.]+\\.)");

    private record Entry(String pathPrefix, ListId list, String text) {}

    private final Map<String, Entry[]> byHost;
    /**
     * The listed hosts' hashes: making each suffix a string for the map was most of what matching
     * a URL allocated.
     */
    private final HashFilter hosts;
    private final int size;

    private UrlListMatcher(Map<String, List<Entry>> entries, int size) {
        Map<String, Entry[]> copy = new HashMap<>(entries.size() * 2);
        entries.forEach((host, list) -> copy.put(host, list.toArray(new Entry[0])));
        this.byHost = copy;
        this.size = size;
        this.hosts = new HashFilter(entries.size(), 16);
        for (String host : entries.keySet()) {
            hosts.add(DomainMatcher.mix(host.hashCode()));
        }
    }

    /**
     * 31 to the power of each index, for {@link #match}: a suffix's {@code String} hash code is the
     * whole host's less its prefix's times 31 to the suffix's length (arithmetic modulo 2^32, as
     * {@link String#hashCode()} does it), so every label suffix is hashed in one left-to-right pass.
     * Hashing each suffix from scratch was most of a match.
     */
    private static final int[] POWERS_OF_31 = new int[UrlNormaliser.MAX_HOST_LENGTH + 2];

    static {
        POWERS_OF_31[0] = 1;
        for (int i = 1; i < POWERS_OF_31.length; i++) {
            POWERS_OF_31[i] = POWERS_OF_31[i - 1] * 31;
        }
    }

    private static int powerOf31(int exponent) {
        int last = POWERS_OF_31.length - 1;
        if (exponent <= last) {
            return POWERS_OF_31[exponent];
        }
        // Only for a host longer than DNS allows, from a caller that did not normalise it.
        int power = POWERS_OF_31[last];
        for (int i = last; i < exponent; i++) {
            power *= 31;
        }
        return power;
    }

    /** @return a builder for a new matcher */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of entries across all lists */
    public int size() {
        return size;
    }

    /**
     * Finds every urllist entry matching the URL.
     *
     * @param url the normalised request
     * @return matches, entries for the most specific host first; empty when none
     */
    public List<Match> match(NormalisedUrl url) {
        if (byHost.isEmpty()) {
            return List.of();
        }
        String host = url.host();
        int whole = host.hashCode();
        int prefix = 0;
        String pathAndQuery = null;
        List<Match> out = null;
        int from = 0;
        while (from >= 0) {
            int hash = whole - prefix * powerOf31(host.length() - from);
            Entry[] entries = !hosts.mayContain(DomainMatcher.mix(hash)) ? null
                    : byHost.get(from == 0 ? host : host.substring(from));
            if (entries != null) {
                if (pathAndQuery == null) {
                    pathAndQuery = url.pathAndQuery();
                }
                for (Entry e : entries) {
                    // Prefixes are stored lower-case and a normalised path is ASCII, so comparing
                    // ignoring case equals lower-casing the request first, without copying it per
                    // request (that copy was a tenth of the squid helper's profile on school.conf).
                    if (pathAndQuery.regionMatches(true, 0, e.pathPrefix(), 0, e.pathPrefix().length())) {
                        if (out == null) {
                            out = new ArrayList<>(2);
                        }
                        out.add(new Match(e.list(), e.text(), MatchKind.URL));
                    }
                }
            }
            if (url.hostIsIp()) {
                break;
            }
            int dot = host.indexOf('.', from);
            for (int i = from; i <= dot; i++) {
                prefix = 31 * prefix + host.charAt(i);
            }
            from = dot < 0 ? -1 : dot + 1;
        }
        return out == null ? List.of() : out;
    }

    /** Collects urllist entries from many lists; not thread-safe. */
    public static final class Builder {

        private static final UrlNormaliser NORMALISER = new UrlNormaliser();

        private final Map<String, List<Entry>> entries = new HashMap<>();
        private int size;

        private Builder() {}

        /**
         * Adds one urllist entry, parsed as squidGuard does: an optional scheme, credentials and port
         * are dropped, then {@code host[/path[?query]]}.
         *
         * @param entry the entry as written in the list
         * @param list the list it belongs to
         * @return the entry as normalised and stored ({@code host/path})
         * @throws InvalidEntryException if the host is invalid
         */
        public String add(String entry, ListId list) throws InvalidEntryException {
            String raw = entry.strip();
            int scheme = raw.indexOf("://");
            if (scheme >= 0 && scheme < raw.indexOf('/') + 1) {
                raw = raw.substring(scheme + 3);
            }
            int slash = raw.indexOf('/');
            String authority = slash < 0 ? raw : raw.substring(0, slash);
            String rest = slash < 0 ? "" : raw.substring(slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1);
            }
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && !authority.endsWith("]")) {
                authority = authority.substring(0, colon);
            }
            NormalisedHost host;
            try {
                host = NORMALISER.normaliseHost(authority);
            } catch (MalformedUrlException e) {
                throw new InvalidEntryException(e.getMessage());
            }
            String hostName = host.ip() ? host.name() : HOST_PREFIX.matcher(host.name()).replaceFirst("");
            String prefix = rest.isEmpty() ? "" : normalisePathAndQuery(rest);
            String text = hostName + prefix;
            entries
                    .computeIfAbsent(hostName, h -> new ArrayList<>(1))
                    .add(new Entry(prefix.toLowerCase(Locale.ROOT), list, text));
            size++;
            return text;
        }

        private static String normalisePathAndQuery(String rest) {
            int hash = rest.indexOf('#');
            String noFragment = hash >= 0 ? rest.substring(0, hash) : rest;
            int question = noFragment.indexOf('?');
            if (question < 0) {
                return NORMALISER.normalisePath(noFragment);
            }
            try {
                NormalisedUrl parsed = NORMALISER.normalise("http://h" + noFragment);
                return parsed.pathAndQuery();
            } catch (MalformedUrlException e) {
                return NORMALISER.normalisePath(noFragment.substring(0, question));
            }
        }

        /** @return the immutable matcher; the builder must not be used afterwards */
        public UrlListMatcher build() {
            return new UrlListMatcher(entries, size);
        }
    }
}
