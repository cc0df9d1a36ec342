package org.lantern.proxy.icap;

/**
 * The one decision the ICAP server needs: what to do with a request the proxy is about to send.
 * Kept this small so the server does not depend on how the decision is made (category lists now,
 * the school's full policy engine later). Implementations must be thread-safe and must not throw
 * for any input; the server treats an exception as a failure and blocks the request.
 */
@FunctionalInterface
public interface IcapDecider {

    /**
     * @param url the request target as the proxy sent it: an absolute URL, or {@code host:port}
     *     for {@code CONNECT}; never normalised, so the decider sees exactly what was asked for
     * @param method the HTTP method, e.g. {@code GET} or {@code CONNECT}
     * @param user the authenticated user name, or empty when the proxy sent none
     * @param clientIp the client address as the proxy reported it, or empty when unknown
     * @return the verdict, never {@code null}
     */
    IcapVerdict decide(String url, String method, String user, String clientIp);

    /**
     * What the verdicts currently depend on, compared by identity: a new object whenever lists or
     * policy are reloaded. The server derives its ISTag from it, so Squid notices the change.
     *
     * @return the current generation; by default this decider, which never changes
     */
    default Object generation() {
        return this;
    }
}
