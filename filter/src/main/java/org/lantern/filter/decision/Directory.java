package org.lantern.filter.decision;

import java.util.Optional;

/**
 * Resolves who is behind a request from what the proxy knows: the authenticated proxy user name
 * and the client IP. Implementations must be thread-safe and fast (they are called for every
 * request) and must not throw for unknown or malformed input; the server implements it from the
 * people directory.
 */
public interface Directory {

    /**
     * @param userName the proxy user name, or {@code null} when the proxy did not authenticate
     * @param clientIp the client address as text, or {@code null} when unknown
     * @return the person, or empty when neither identifies anyone (the engine then applies the
     *     default group)
     */
    Optional<Subject> resolve(String userName, String clientIp);

    /** @return a directory that knows nobody, so every request falls to the default group */
    static Directory empty() {
        return (userName, clientIp) -> Optional.empty();
    }
}
