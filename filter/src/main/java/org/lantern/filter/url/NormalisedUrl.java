package org.lantern.filter.url;

import java.util.Objects;

/**
 * A URL after browser-grade normalisation: the one canonical form that every list entry and
 * every request is compared in, so that two spellings of the same resource cannot match
 * differently.
 *
 * @param scheme lower-case scheme ({@code http}, {@code https}, {@code ws}, {@code wss}, {@code
 *     ftp})
 * @param host lower-case ASCII host: punycode for IDNs, dotted decimal for IPv4 (including
 *     IPv4-mapped IPv6), RFC 5952 text without brackets for other IPv6
 * @param port the port, or {@code -1} when it is the scheme's default
 * @param path normalised path, always starting with {@code /}
 * @param query normalised query without the {@code ?}, empty when absent
 * @param hostIsIp whether the host is an IP address literal rather than a domain name
 */
public record NormalisedUrl(
        String scheme, String host, int port, String path, String query, boolean hostIsIp) {

    /** Validates the invariants the matchers rely on. */
    public NormalisedUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    /**
     * The form squidGuard matches urllists and expressions against: host, path and query without
     * scheme, port or fragment, e.g. {@code bad.example/a/b?x=1}.
     *
     * @return host + path, plus {@code ?query} when there is a query
     */
    public String matchForm() {
        return query.isEmpty() ? host + path : host + path + '?' + query;
    }

    /** @return the path plus {@code ?query} when there is a query */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + '?' + query;
    }

    /** @return the full canonical URL, for logs and block pages */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? '[' + host + ']' : host;
        String p = port < 0 ? "" : ":" + port;
        return scheme + "://" + h + p + pathAndQuery();
    }
}
