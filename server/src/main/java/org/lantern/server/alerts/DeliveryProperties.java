package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How alerts beyond the immediate email reach people ({@code lantern.alerts.delivery.*}): the
 * daily and weekly digests, the out-of-hours on-call chain and its webhooks, and how old an event
 * may be and still be emailed at once. School hours are a school setting kept on the term dates
 * page ({@link org.lantern.server.terms.SchoolHoursSetting}); {@code school-hours.*} gives only its
 * starting value.
 *
 * @param lateWindow  an alert about events older than this when Lantern records it (an imported
 *                    log of yesterday) is not emailed at once nor sent down the on-call list; it
 *                    goes into the digest
 * @param digest      when the digests are sent
 * @param onCall      the on-call chain
 * @param webhook     the posts to on-call webhooks
 */
@ConfigurationProperties(prefix = "lantern.alerts.delivery")
public record DeliveryProperties(Duration lateWindow, Digest digest, OnCall onCall, Webhook webhook) {

    /** Fills in the defaults: a late window of one hour, and those of each part. */
    public DeliveryProperties {
        lateWindow = lateWindow == null ? Duration.ofHours(1) : lateWindow;
        digest = digest == null ? new Digest(null, null, null) : digest;
        onCall = onCall == null ? new OnCall(null, null, null) : onCall;
        webhook = webhook == null ? new Webhook(null, null) : webhook;
        if (lateWindow.isNegative() || lateWindow.isZero()) {
            throw new IllegalArgumentException("lantern.alerts.delivery.late-window must be positive");
        }
    }

    /**
     * @param time          the school time of day both digests are sent, e.g. {@code 07:30}
     * @param weeklyDay     the day the weekly digest is sent, covering the seven days before it
     * @param checkInterval how often the server looks whether a digest is due
     */
    public record Digest(LocalTime time, DayOfWeek weeklyDay, Duration checkInterval) {
        /** Defaults: 07:30, Monday, checked every minute. */
        public Digest {
            time = time == null ? LocalTime.of(7, 30) : time;
            weeklyDay = weeklyDay == null ? DayOfWeek.MONDAY : weeklyDay;
            checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
        }
    }

    /**
     * @param ackTimeout    how long a person on call has to acknowledge before the next is told
     * @param checkInterval how often the server looks for chains to move on
     * @param rounds        how many times the list is gone through, from the top, before the chain
     *                      ends and the DSL's team is emailed that nobody acknowledged
     */
    public record OnCall(Duration ackTimeout, Duration checkInterval, Integer rounds) {
        /** Defaults: 15 minutes to acknowledge, checked every 30 seconds, three rounds. */
        public OnCall {
            ackTimeout = ackTimeout == null ? Duration.ofMinutes(15) : ackTimeout;
            checkInterval = checkInterval == null ? Duration.ofSeconds(30) : checkInterval;
            rounds = rounds == null ? 3 : rounds;
            if (ackTimeout.isNegative() || ackTimeout.isZero()) {
                throw new IllegalArgumentException("lantern.alerts.delivery.on-call.ack-timeout must be positive");
            }
            if (rounds < 1 || rounds > 20) {
                throw new IllegalArgumentException("lantern.alerts.delivery.on-call.rounds must be from 1 to 20");
            }
        }
    }

    /**
     * @param timeout     how long one post may take, connecting and answering, before it counts as failed
     * @param maxAttempts how many times a post is tried before it is given up (and the page says so)
     */
    public record Webhook(Duration timeout, Integer maxAttempts) {
        /** Defaults: 10 seconds, 6 attempts. */
        public Webhook {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            maxAttempts = maxAttempts == null ? 6 : maxAttempts;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("lantern.alerts.delivery.webhook.max-attempts must be at least 1");
            }
        }
    }
}
