package org.lantern.server.filtering.bypass;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bypass attempts are recorded and when they become an alert ({@code lantern.filter.bypass.*}).
 * One attempt is often innocent (a link followed, an app's background check); many from one
 * person in a short time is deliberate, which the policy treats as misuse to raise with the DSL.
 *
 * @param queueSize      attempts held in memory waiting to be written; when full, further
 *                       attempts are dropped and counted rather than slowing the proxy
 * @param alertThreshold attempts by one person within {@code alertWindow} that raise an alert
 * @param alertWindow    the sliding window the threshold is counted over
 */
@ConfigurationProperties(prefix = "lantern.filter.bypass")
public record BypassProperties(Integer queueSize, Integer alertThreshold, Duration alertWindow) {

    /** Fills in the defaults (10,000 queued; 10 attempts in 30 minutes) and rejects nonsense. */
    public BypassProperties {
        queueSize = queueSize == null ? 10_000 : queueSize;
        alertThreshold = alertThreshold == null ? 10 : alertThreshold;
        alertWindow = alertWindow == null ? Duration.ofMinutes(30) : alertWindow;
        if (queueSize < 1 || alertThreshold < 1 || alertWindow.isNegative() || alertWindow.isZero()) {
            throw new IllegalArgumentException("lantern.filter.bypass: queue-size and alert-threshold must be at least 1"
                    + " and alert-window positive");
        }
    }
}
