package org.lantern.policy;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which school the policy belongs to and when it was approved, so that a rendered or exported
 * policy always says whose it is and how current it is.
 *
 * @param name       the school's name
 * @param title      the policy's published title
 * @param timeZone   the zone that time windows are read in (normally Europe/London)
 * @param approved   when governors approved the policy, if stated
 * @param nextReview when the policy is next due for review, if stated
 */
public record School(String name, String title, ZoneId timeZone, LocalDate approved, LocalDate nextReview) {
    public School {
        timeZone = timeZone == null ? ZoneId.of("Europe/London") : timeZone;
    }
}
