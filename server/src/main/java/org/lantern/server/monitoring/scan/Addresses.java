package org.lantern.server.monitoring.scan;

import java.util.Locale;

import org.lantern.monitor.match.ClassificationJson;

/**
 * The parts of an activity row's URL the monitor reads. Rows hold URLs as the proxy normalised
 * them, absolute ({@code https://host/path?query}) or a tunnel's {@code host:443}; these never
 * throw on what does not parse, since a row that cannot be read must still be stored and shown.
 */
final class Addresses {

    private Addresses() {
    }

    /**
     * @param url an absolute URL or {@code host:port}
     * @return where the path starts, or the URL's length when it has none
     */
    private static int pathStart(String url) {
        int scheme = url.indexOf("://");
        int from = scheme < 0 ? 0 : scheme + 3;
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    /**
     * @param url an absolute URL or {@code host:port}
     * @return the host, lower case, without user info or port; {@code ""} when there is none
     */
    static String host(String url) {
        int scheme = url.indexOf("://");
        String authority = url.substring(scheme < 0 ? 0 : scheme + 3, pathStart(url));
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        return (colon > 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
    }

    /**
     * @param url an absolute URL or {@code host:port}
     * @return its path and query as sent (the monitor decodes escapes itself), or {@code ""} when
     *     there is nothing past the host but {@code /}
     */
    static String pathAndQuery(String url) {
        String rest = url.substring(pathStart(url));
        int fragment = rest.indexOf('#');
        rest = fragment < 0 ? rest : rest.substring(0, fragment);
        return rest.equals("/") ? "" : rest;
    }

    /**
     * @param url an absolute URL
     * @return the URL with its path and query hidden (first character and asterisks), for an
     *     alert whose words are possible illegal content
     */
    static String masked(String url) {
        int start = pathStart(url);
        return url.substring(0, start) + ClassificationJson.mask(url.substring(start));
    }
}
