package org.lantern.server.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds for slowing down and locking out repeated failed logons ({@code lantern.logon.*}).
 * They are configuration because a school's risk appetite differs: a primary school's office PC
 * and a sixth-form's public Wi-Fi face different guessing rates.
 *
 * @param delayAfterFailures  consecutive failures allowed before each further attempt must wait
 * @param baseDelay           the first wait; it doubles with each further failure
 * @param maxDelay            the longest wait between attempts
 * @param lockAfterFailures   consecutive failures that lock the account against the addresses they came from
 * @param lockDuration        how long a lock lasts unless an administrator unlocks sooner
 * @param maxFailuresPerHour  failures per account per hour after which no password is checked at all
 */
@ConfigurationProperties(prefix = "lantern.logon")
public record LogonProperties(Integer delayAfterFailures, Duration baseDelay, Duration maxDelay,
                              Integer lockAfterFailures, Duration lockDuration, Integer maxFailuresPerHour) {

    public LogonProperties {
        delayAfterFailures = delayAfterFailures == null ? 3 : delayAfterFailures;
        baseDelay = baseDelay == null ? Duration.ofSeconds(2) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(2) : maxDelay;
        lockAfterFailures = lockAfterFailures == null ? 10 : lockAfterFailures;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        maxFailuresPerHour = maxFailuresPerHour == null ? 100 : maxFailuresPerHour;
    }

    /** How long to wait before the next attempt after this many consecutive failures. */
    Duration delayAfter(int consecutiveFailures) {
        return doubling(consecutiveFailures - delayAfterFailures, baseDelay, maxDelay);
    }

    /** No wait while {@code over} is negative, then {@code base} doubling with each step, never above {@code max}. */
    static Duration doubling(int over, Duration base, Duration max) {
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = base.multipliedBy(1L << Math.min(over, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
