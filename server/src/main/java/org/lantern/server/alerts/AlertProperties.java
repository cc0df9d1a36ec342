package org.lantern.server.alerts;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert settings ({@code lantern.alerts.*}). The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} alerts are recorded but not emailed.
 *
 * @param foldWindow repeats of the same person and address within this time of the latest one
 *                   are counted on one alert rather than raising another (a page that retries
 *                   fifty times is one alert and one email)
 * @param mail       the email to the DSL
 */
@ConfigurationProperties(prefix = "lantern.alerts")
public record AlertProperties(Duration foldWindow, Mail mail) {

    /** Fills in the defaults: a ten-minute fold window; email from {@code lantern@localhost}. */
    public AlertProperties {
        foldWindow = foldWindow == null ? Duration.ofMinutes(10) : foldWindow;
        mail = mail == null ? new Mail(null, null, null, null, null) : mail;
        if (foldWindow.isNegative()) {
            throw new IllegalArgumentException("lantern.alerts.fold-window must not be negative");
        }
    }

    /**
     * @param from             the sender address
     * @param extraRecipients  addresses told as well as the DSL and deputies (e.g. a safeguarding
     *                         mailbox)
     * @param retryInterval    how often unsent emails are retried; also the first back-off
     * @param maxRetryInterval the longest back-off between attempts at one email
     * @param claimLease       how long a server's claim on an email it is sending keeps other
     *                         servers sharing the database from sending it too; a claim left by a
     *                         server that stopped lapses after this, and the email is sent by
     *                         another. It must be longer than one send can take.
     */
    public record Mail(String from, List<String> extraRecipients, Duration retryInterval, Duration maxRetryInterval,
                       Duration claimLease) {
        /**
         * Fills in the defaults: retried every minute, backing off to at most 30 minutes; claims
         * lapse after 5 minutes, far beyond the SMTP timeouts in application.yml.
         */
        public Mail {
            from = from == null || from.isBlank() ? "lantern@localhost" : from.strip();
            extraRecipients = extraRecipients == null ? List.of()
                    : extraRecipients.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            retryInterval = retryInterval == null ? Duration.ofMinutes(1) : retryInterval;
            maxRetryInterval = maxRetryInterval == null ? Duration.ofMinutes(30) : maxRetryInterval;
            claimLease = claimLease == null ? Duration.ofMinutes(5) : claimLease;
            if (claimLease.isNegative() || claimLease.isZero()) {
                throw new IllegalArgumentException("lantern.alerts.mail.claim-lease must be positive");
            }
        }
    }
}
