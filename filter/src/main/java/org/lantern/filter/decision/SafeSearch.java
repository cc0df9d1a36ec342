package org.lantern.filter.decision;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.lantern.filter.url.NormalisedUrl;

/**
 * Forces the search engines' own safe-search modes and reads out what was searched for, because
 * image search is the commonest route to explicit content in schools and search terms are the
 * earliest sign of a pupil at risk (KCSIE monitoring).
 *
 * <table>
 *   <caption>What is enforced</caption>
 *   <tr><th>engine</th><th>ordinary request</th><th>{@code CONNECT}</th><th>search term</th></tr>
 *   <tr><td>Google ({@code google.<tld>}, {@code google.co.<cc>})</td><td>{@code /search}: {@code safe=active}</td>
 *       <td>{@code forcesafesearch.google.com}</td><td>{@code q}</td></tr>
 *   <tr><td>Bing</td><td>any {@code /search} path: {@code adlt=strict}</td>
 *       <td>{@code strict.bing.com}</td><td>{@code q}</td></tr>
 *   <tr><td>DuckDuckGo</td><td>any request with {@code q}: {@code kp=1}</td>
 *       <td>{@code safe.duckduckgo.com}</td><td>{@code q}</td></tr>
 *   <tr><td>YouTube</td><td>none (the ICAP server adds {@code YouTube-Restrict: Strict})</td>
 *       <td>{@code restrict.youtube.com}</td><td>{@code search_query} on {@code /results}</td></tr>
 *   <tr><td>Yahoo</td><td>none</td><td>none</td><td>{@code p} on {@code search.yahoo.com}</td></tr>
 *   <tr><td>any other site</td><td>none</td><td>none</td>
 *       <td>{@code q} or {@code query} when the path contains {@code search}</td></tr>
 * </table>
 *
 * An existing parameter with another value (e.g. {@code safe=off}) is replaced, every occurrence
 * of it; a request that already carries the enforced value is left alone, so the proxy never
 * loops on its own redirect. Stateless and thread-safe.
 */
public final class SafeSearch {

    /** Longest search term kept, in characters; longer terms are cut, not dropped. */
    public static final int MAX_TERM_LENGTH = 500;

    /** Creates the component; it holds no state. */
    public SafeSearch() {}

    /**
     * @param url the normalised request
     * @param connect whether it is a {@code CONNECT} tunnel
     * @return for an ordinary request the full URL to redirect to, for a tunnel the {@code
     *     host:port} to connect to instead; {@code null} when nothing needs to change
     */
    public String rewrite(NormalisedUrl url, boolean connect) {
        if (url.hostIsIp()) {
            return null;
        }
        String host = url.host();
        if (connect) {
            String forced = forcedHost(host);
            return forced == null ? null : forced + ":" + (url.port() < 0 ? 443 : url.port());
        }
        if (isGoogle(host) && url.path().equals("/search")) {
            return withParameter(url, "safe", "active");
        }
        if (isDomainOrSub(host, "bing.com") && url.path().endsWith("/search")) {
            return withParameter(url, "adlt", "strict");
        }
        if (isDomainOrSub(host, "duckduckgo.com") && parameter(url.query(), "q") != null) {
            return withParameter(url, "kp", "1");
        }
        return null;
    }

    /**
     * @param url the normalised request
     * @return the decoded search term, trimmed and at most {@link #MAX_TERM_LENGTH} characters, or
     *     {@code null} when the request is not a search
     */
    public String searchTerm(NormalisedUrl url) {
        String query = url.query();
        if (query.isEmpty() || url.hostIsIp()) {
            return null;
        }
        String host = url.host();
        String path = url.path();
        String raw;
        if (isGoogle(host)) {
            raw = path.equals("/search") ? parameter(query, "q") : null;
        } else if (isDomainOrSub(host, "bing.com")) {
            raw = path.endsWith("/search") ? parameter(query, "q") : null;
        } else if (isDomainOrSub(host, "duckduckgo.com")) {
            raw = parameter(query, "q");
        } else if (isYouTube(host)) {
            raw = path.equals("/results") ? parameter(query, "search_query") : null;
        } else if (isDomainOrSub(host, "search.yahoo.com")) {
            raw = parameter(query, "p");
        } else if (path.contains("search")) {
            raw = parameter(query, "q");
            if (raw == null) {
                raw = parameter(query, "query");
            }
        } else {
            raw = null;
        }
        return raw == null ? null : decode(raw);
    }

    private static String forcedHost(String host) {
        if (isGoogle(host)) {
            return "forcesafesearch.google.com";
        }
        if (host.equals("bing.com") || host.equals("www.bing.com")) {
            return "strict.bing.com";
        }
        if (host.equals("duckduckgo.com") || host.equals("www.duckduckgo.com")) {
            return "safe.duckduckgo.com";
        }
        if (isYouTube(host)) {
            return "restrict.youtube.com";
        }
        return null;
    }

    /**
     * {@code google.com}, {@code www.google.de}, {@code www.google.co.uk}, {@code google.com.au}:
     * Google's search front ends, a single TLD or a {@code co}/{@code com} second level under a
     * two-letter country code.
     */
    private static boolean isGoogle(String host) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        if (!h.startsWith("google.")) {
            return false;
        }
        String tld = h.substring("google.".length());
        int dot = tld.indexOf('.');
        if (dot < 0) {
            return !tld.isEmpty();
        }
        String second = tld.substring(0, dot);
        String country = tld.substring(dot + 1);
        return (second.equals("co") || second.equals("com")) && country.length() == 2 && country.indexOf('.') < 0;
    }

    private static boolean isYouTube(String host) {
        return host.equals("youtube.com") || host.equals("www.youtube.com") || host.equals("m.youtube.com")
                || host.equals("music.youtube.com") || host.equals("youtubei.googleapis.com")
                || host.equals("youtube.googleapis.com") || host.equals("www.youtube-nocookie.com");
    }

    private static boolean isDomainOrSub(String host, String domain) {
        return host.equals(domain)
                || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
    }

    /** @return the raw (still encoded) value of the first occurrence of {@code name}, or {@code null} */
    private static String parameter(String query, String name) {
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int eq = query.indexOf('=', start);
            if (eq > start && eq < end && eq - start == name.length() && query.startsWith(name, start)) {
                return query.substring(eq + 1, end);
            }
            start = end + 1;
        }
        return null;
    }

    /** @return the URL with every {@code name} parameter set to {@code value}, or {@code null} if already so */
    private static String withParameter(NormalisedUrl url, String name, String value) {
        String query = url.query();
        StringBuilder out = new StringBuilder(query.length() + name.length() + value.length() + 2);
        boolean present = false;
        boolean changed = false;
        int start = 0;
        while (start < query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            String pair = query.substring(start, end);
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                present = true;
                if (!pair.equals(name + "=" + value)) {
                    pair = name + "=" + value;
                    changed = true;
                }
            }
            if (!pair.isEmpty()) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(pair);
            }
            start = end + 1;
        }
        if (!present) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name).append('=').append(value);
            changed = true;
        }
        if (!changed) {
            return null;
        }
        return new NormalisedUrl(url.scheme(), url.host(), url.port(), url.path(), out.toString(), false).toString();
    }

    private static String decode(String raw) {
        String term;
        try {
            term = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape still tells monitoring what was typed; keep it as sent.
            term = raw.replace('+', ' ');
        }
        term = term.strip();
        if (term.isEmpty()) {
            return null;
        }
        return term.length() > MAX_TERM_LENGTH ? term.substring(0, MAX_TERM_LENGTH) : term;
    }
}
