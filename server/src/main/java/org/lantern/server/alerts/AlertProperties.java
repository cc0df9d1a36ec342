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
        mail = mail == null ? new Mail(null, null, null, null) : mail;
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
     */
    public record Mail(String from, List<String> extraRecipients, Duration retryInterval, Duration maxRetryInterval) {
        /** Fills in the defaults: retried every minute, backing off to at most 30 minutes. */
        public Mail {
            from = from == null || from.isBlank() ? "lantern@localhost" : from.strip();
            extraRecipients = extraRecipients == null ? List.of()
                    : extraRecipients.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            retryInterval = retryInterval == null ? Duration.ofMinutes(1) : retryInterval;
            maxRetryInterval = maxRetryInterval == null ? Duration.ofMinutes(30) : maxRetryInterval;
        }
    }
}
