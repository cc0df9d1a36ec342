package org.lantern.filter.decision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lantern.filter.match.ListId;
import org.lantern.filter.match.Match;
import org.lantern.filter.match.MatchKind;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/**
 * Lists of illegal content (IWF child sexual abuse URLs, CTIRU terrorist content), kept apart
 * from the ordinary category lists because the DfE filtering standard requires them to be blocked
 * for everyone, always, whatever else is configured; the engine checks them before anything else.
 * Immutable and thread-safe.
 *
 * <p><b>Entry forms.</b> One entry per line; blank lines and lines starting with {@code #} are
 * ignored. A line of exactly 64 hexadecimal digits is a <em>hashed</em> entry, any other line a
 * plain URL (absolute or {@code host/path}), normalised as requests are. Both stand for a
 * <em>key</em>:
 * <ul>
 *   <li>the key of a URL is {@code host + path}, plus {@code "?" + query} when it has a query, of
 *       the normalised URL (its {@link NormalisedUrl#matchForm()}): no scheme, port, user info or
 *       fragment, lower-case host, punycode for IDNs, dotted decimal for IPv4;</li>
 *   <li>a hashed entry is the lower-case hex SHA-256 of the key's UTF-8 bytes, e.g.
 *       {@code sha256("bad.invalid/a/b.html")}, so a supplier can distribute the list without
 *       distributing the URLs.</li>
 * </ul>
 * <b>What a key covers.</b> A key {@code host/} (path {@code /}, no query) covers the whole host
 * and its sub-domains. A key ending in {@code /} covers that folder and everything below it on
 * that host. Any other key covers exactly that URL, and, when it has no query, that URL with any
 * query. A lookup therefore computes a few candidate keys of the request (host suffixes + {@code
 * /}, the folder prefixes of the path, the path, the path with the query) and checks each against
 * both the plain and the hashed set.
 */
public final class IllegalContentList {

    /** Source name given to every list loaded here, so a {@link Match} says it came from one. */
    public static final String SOURCE = "illegal";

    private static final HexFormat HEX = HexFormat.of();
    private static final IllegalContentList EMPTY = new IllegalContentList(Map.of(), Map.of(), List.of());

    private final Map<String, ListId> plain;
    private final Map<String, ListId> hashed;
    private final List<LoadReport> reports;

    private IllegalContentList(Map<String, ListId> plain, Map<String, ListId> hashed, List<LoadReport> reports) {
        this.plain = Map.copyOf(plain);
        this.hashed = Map.copyOf(hashed);
        this.reports = List.copyOf(reports);
    }

    /** @return a list with no entries */
    public static IllegalContentList empty() {
        return EMPTY;
    }

    /** @return a builder for a new list set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The hashed-entry form of a URL, for suppliers and tests.
     *
     * @param url a normalised URL
     * @return lower-case hex SHA-256 of its key
     */
    public static String hashOf(NormalisedUrl url) {
        return sha256(url.matchForm());
    }

    /** @return how many entries of either form are held */
    public int size() {
        return plain.size() + hashed.size();
    }

    /** @return what each loaded file contributed and skipped */
    public List<LoadReport> reports() {
        return reports;
    }

    /**
     * @param url the normalised request
     * @return the entry covering the URL, or {@code null} when none does; for a hashed entry the
     *     match's entry text is the hash, never the URL
     */
    public Match match(NormalisedUrl url) {
        if (plain.isEmpty() && hashed.isEmpty()) {
            return null;
        }
        String host = url.host();
        // Whole-site keys: the host and, for names, every parent domain.
        Match m = lookup(host + "/");
        if (m != null) {
            return m;
        }
        if (!url.hostIsIp()) {
            for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
                m = lookup(host.substring(dot + 1) + "/");
                if (m != null) {
                    return m;
                }
            }
        }
        String path = url.path();
        for (int slash = path.indexOf('/', 1); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            m = lookup(host + path.substring(0, slash + 1));
            if (m != null) {
                return m;
            }
        }
        if (path.length() > 1) {
            m = lookup(host + path);
            if (m != null) {
                return m;
            }
        }
        return url.query().isEmpty() ? null : lookup(url.matchForm());
    }

    private Match lookup(String key) {
        ListId list = plain.get(key);
        if (list != null) {
            return new Match(list, key, MatchKind.URL);
        }
        if (!hashed.isEmpty()) {
            String hash = sha256(key);
            list = hashed.get(hash);
            if (list != null) {
                return new Match(list, "sha256:" + hash, MatchKind.URL);
            }
        }
        return null;
    }

    private static String sha256(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * What one loaded file contributed.
     *
     * @param list the list name (a category list name the policy's illegal categories refer to)
     * @param file the file read
     * @param accepted entries added
     * @param skipped lines that were neither a hash nor a parseable URL
     * @param firstProblems line number and reason of the first few skipped lines
     */
    public record LoadReport(String list, Path file, int accepted, int skipped, List<String> firstProblems) {
        /** Copies the problem list. */
        public LoadReport {
            firstProblems = List.copyOf(firstProblems);
        }
    }

    /** Accumulates entries; not thread-safe, used by one loading thread. */
    public static final class Builder {

        private static final int PROBLEMS_KEPT = 5;

        private final UrlNormaliser normaliser = new UrlNormaliser();
        private final Map<String, ListId> plain = new HashMap<>();
        private final Map<String, ListId> hashed = new HashMap<>();
        private final List<LoadReport> reports = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a plain URL entry.
         *
         * @param list the list name, e.g. {@code iwf-child-abuse}
         * @param url the URL
         * @return this builder
         * @throws MalformedUrlException when the URL cannot be parsed
         */
        public Builder addUrl(String list, String url) throws MalformedUrlException {
            ListId id = new ListId(list, SOURCE);
            plain.put(normaliser.normalise(url).matchForm(), id);
            return this;
        }

        /**
         * Adds a hashed entry.
         *
         * @param list the list name, e.g. {@code ctiru-terrorism}
         * @param sha256Hex 64 hex digits, either case
         * @return this builder
         * @throws IllegalArgumentException when it is not 64 hex digits
         */
        public Builder addHash(String list, String sha256Hex) {
            ListId id = new ListId(list, SOURCE);
            if (!isSha256Hex(sha256Hex)) {
                throw new IllegalArgumentException("not a hex SHA-256: " + sha256Hex);
            }
            hashed.put(sha256Hex.toLowerCase(Locale.ROOT), id);
            return this;
        }

        /**
         * Loads a file of entries (see the class documentation for the line forms). Bad lines are
         * skipped and counted, never fatal: one typo must not leave the rest of an illegal-content
         * list unenforced.
         *
         * @param list the list name the entries belong to
         * @param file the file
         * @return what the file contributed
         * @throws IOException when the file cannot be read at all
         */
        public LoadReport load(String list, Path file) throws IOException {
            Objects.requireNonNull(list, "list");
            int accepted = 0;
            int skipped = 0;
            int lineNumber = 0;
            List<String> problems = new ArrayList<>();
            // Undecodable bytes become U+FFFD, which the normaliser rejects: that line is skipped, not the file.
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNumber++;
                    String entry = line.strip();
                    if (entry.isEmpty() || entry.startsWith("#")) {
                        continue;
                    }
                    try {
                        if (isSha256Hex(entry)) {
                            addHash(list, entry);
                        } else {
                            addUrl(list, entry);
                        }
                        accepted++;
                    } catch (MalformedUrlException e) {
                        skipped++;
                        if (problems.size() < PROBLEMS_KEPT) {
                            problems.add("line " + lineNumber + ": " + e.getMessage());
                        }
                    }
                }
            }
            LoadReport report = new LoadReport(list, file, accepted, skipped, problems);
            reports.add(report);
            return report;
        }

        /** @return the immutable list set */
        public IllegalContentList build() {
            return new IllegalContentList(plain, hashed, reports);
        }

        private static boolean isSha256Hex(String s) {
            if (s.length() != 64) {
                return false;
            }
            for (int i = 0; i < 64; i++) {
                char c = s.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
