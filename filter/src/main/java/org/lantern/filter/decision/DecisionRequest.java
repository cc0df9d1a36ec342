package org.lantern.filter.decision;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/**
 * One request as the proxy (squidGuard helper or ICAP server) sees it, with the URL already in
 * canonical form so that the decision and the log speak about exactly what the browser fetches.
 *
 * @param url the normalised URL, or the normalised CONNECT target ({@code https://host/} plus any
 *     non-default port)
 * @param method the HTTP method in upper case; {@code CONNECT} marks a tunnel, whose path is unknown
 * @param userName the proxy user name, or {@code null} when the proxy did not authenticate
 * @param clientIp the client address as text, or {@code null} when unknown
 * @param at when the request was made; time windows are read from it
 */
public record DecisionRequest(NormalisedUrl url, String method, String userName, String clientIp, Instant at) {

    private static final UrlNormaliser NORMALISER = new UrlNormaliser();

    /** Rejects missing parts and normalises the method's case. */
    public DecisionRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(at, "at");
        method = method.toUpperCase(Locale.ROOT);
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
    }

    /**
     * Normalises a raw request target and builds the request: the authority form for {@code
     * CONNECT}, an absolute or bare {@code host/path} URL otherwise.
     *
     * @param target the request target as received
     * @param method the HTTP method
     * @param userName the proxy user name, or {@code null}
     * @param clientIp the client address, or {@code null}
     * @param at when the request was made
     * @return the request
     * @throws MalformedUrlException when the target cannot be parsed; the caller should block
     *     the request and say so, since an unparseable URL cannot be checked
     */
    public static DecisionRequest of(String target, String method, String userName, String clientIp, Instant at)
            throws MalformedUrlException {
        Objects.requireNonNull(method, "method");
        NormalisedUrl url = "CONNECT".equalsIgnoreCase(method)
                ? NORMALISER.normaliseConnect(target)
                : NORMALISER.normalise(target);
        return new DecisionRequest(url, method, userName, clientIp, at);
    }

    /** @return whether this is a {@code CONNECT} tunnel, whose path and query the filter cannot see */
    public boolean connect() {
        return "CONNECT".equals(method);
    }
}
