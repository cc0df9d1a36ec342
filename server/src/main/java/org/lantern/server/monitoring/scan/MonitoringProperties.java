package org.lantern.server.monitoring.scan;

import java.time.Duration;

import org.lantern.monitor.library.AgeBand;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The safeguarding monitor's server settings ({@code lantern.monitoring.*}). Whether what pupils
 * type into web pages is read is the school's decision, so it is in the policy
 * ({@link org.lantern.policy.Monitoring}), not here.
 *
 * @param thresholds    the lowest level that raises an alert, per age band
 * @param foldWindow    a repeat by the same person in the same category within this time of the
 *                      open alert's latest match adds to that alert rather than raising another
 * @param queue         texts waiting to be scanned at most; beyond, new ones are dropped and counted
 */
@ConfigurationProperties(prefix = "lantern.monitoring")
public record MonitoringProperties(Thresholds thresholds, Duration foldWindow, Integer queue) {

    /** Fills in the defaults: threshold 3 for every band, a 24-hour window, 10,000 waiting. */
    public MonitoringProperties {
        thresholds = thresholds == null ? new Thresholds(null, null, null, null, null) : thresholds;
        foldWindow = foldWindow == null ? Duration.ofHours(24) : foldWindow;
        queue = queue == null ? 10_000 : queue;
        if (foldWindow.isNegative()) {
            throw new IllegalArgumentException("lantern.monitoring.fold-window must not be negative");
        }
        if (queue < 1) {
            throw new IllegalArgumentException("lantern.monitoring.queue must be at least 1");
        }
    }

    /**
     * The lowest level, 1 to 5, that raises an alert for each age band; 3 unless set.
     *
     * @param primary Reception to Year 6
     * @param ks3     Years 7 to 9
     * @param ks4     Years 10 and 11
     * @param post16  Years 12 and 13
     * @param staff   staff, governors and visitors
     */
    public record Thresholds(Integer primary, Integer ks3, Integer ks4, Integer post16, Integer staff) {

        /** The threshold when a band's is not set. */
        public static final int DEFAULT = 3;

        /** Fills in the default and refuses levels outside 1 to 5. */
        public Thresholds {
            primary = checked("primary", primary);
            ks3 = checked("ks3", ks3);
            ks4 = checked("ks4", ks4);
            post16 = checked("post16", post16);
            staff = checked("staff", staff);
        }

        private static int checked(String band, Integer level) {
            int value = level == null ? DEFAULT : level;
            if (value < 1 || value > 5) {
                throw new IllegalArgumentException("lantern.monitoring.thresholds." + band + " must be 1 to 5, not " + value);
            }
            return value;
        }

        /** @return the threshold for a band */
        public int of(AgeBand band) {
            return switch (band) {
                case PRIMARY -> primary;
                case KS3 -> ks3;
                case KS4 -> ks4;
                case POST16 -> post16;
                case STAFF -> staff;
            };
        }
    }
}
