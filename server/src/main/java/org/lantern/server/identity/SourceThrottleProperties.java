package org.lantern.server.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of sign-in attempts by the address they come from ({@code lantern.logon.source.*}),
 * whichever usernames they name. It comes before any account's own slow-down and lock (NIST SP
 * 800-63B §5.2.2), so that one address guessing cannot lock accounts for everyone else. A whole
 * school behind one NAT address shares it: the free failures allow a morning's mistyping, and the
 * longest wait stays short.
 *
 * @param freeFailures failures from one address within {@code window} before its attempts must wait
 * @param window       how far back an address's failures are counted
 * @param baseDelay    the first wait after the free failures, counted from the address's last failure; it doubles with each further failure
 * @param maxDelay     the longest wait
 */
@ConfigurationProperties(prefix = "lantern.logon.source")
public record SourceThrottleProperties(Integer freeFailures, Duration window, Duration baseDelay, Duration maxDelay) {

    public SourceThrottleProperties {
        freeFailures = freeFailures == null ? 20 : freeFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(1) : maxDelay;
    }

    /** How long an address waits after its latest failure, having had this many within the window. */
    Duration delayAfter(int failuresInWindow) {
        return LogonProperties.doubling(failuresInWindow - freeFailures, baseDelay, maxDelay);
    }
}
