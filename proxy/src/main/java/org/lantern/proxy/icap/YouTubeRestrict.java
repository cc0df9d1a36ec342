package org.lantern.proxy.icap;

import java.util.Map;
import java.util.Set;
import org.lantern.filter.url.NormalisedUrl;

/**
 * YouTube's restricted mode for plain requests: YouTube honours a {@code YouTube-Restrict: Strict}
 * request header on its own hosts (Google's documented network-level control), which a URL
 * rewrite cannot express. The filter's {@code SafeSearch} forces {@code restrict.youtube.com} for
 * tunnels; this adds the header wherever the proxy sees the request itself. The hosts are the
 * ones Google lists for the header.
 */
public final class YouTubeRestrict {

    /** The header YouTube reads. */
    public static final String HEADER = "YouTube-Restrict";

    /** The value for restricted mode's strictest setting. */
    public static final String STRICT = "Strict";

    private static final Set<String> HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "music.youtube.com", "youtubei.googleapis.com", "youtube.googleapis.com", "www.youtube-nocookie.com");

    private YouTubeRestrict() {
    }

    /**
     * @param url a normalised request URL
     * @param connect whether the request is a {@code CONNECT} tunnel (its headers are encrypted)
     * @return the header fields to set, empty when the request is not to YouTube
     */
    public static Map<String, String> headers(NormalisedUrl url, boolean connect) {
        return !connect && HOSTS.contains(url.host()) ? Map.of(HEADER, STRICT) : Map.of();
    }

    /**
     * @param rewriteUrl the SafeSearch URL to fetch instead, or {@code null}
     * @param url the normalised request URL
     * @param connect whether the request is a {@code CONNECT} tunnel
     * @return the verdict for an allowed request: a rewrite when either the URL or a header must
     *     change, else {@link IcapVerdict#ALLOW}
     */
    static IcapVerdict allowed(String rewriteUrl, NormalisedUrl url, boolean connect) {
        Map<String, String> headers = headers(url, connect);
        return rewriteUrl == null && headers.isEmpty() ? IcapVerdict.ALLOW : new IcapVerdict.Rewrite(rewriteUrl, headers);
    }
}
