package org.lantern.server.terms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation's starting value for the school's days and hours
 * ({@code lantern.alerts.delivery.school-hours.*}), in force until someone chooses them on the term
 * dates page ({@link SchoolHoursSetting}). Anything not set is Monday to Friday, 08:00 to 17:00.
 *
 * @param days  the open weekdays
 * @param start when the school day starts (school time)
 * @param end   when it ends
 */
@ConfigurationProperties(prefix = "lantern.alerts.delivery.school-hours")
public record SchoolHoursProperties(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    /** Refuses, at start-up, hours that end before they start. */
    public SchoolHoursProperties {
        LocalTime from = start == null ? SchoolHours.WEEKDAYS.start() : start;
        LocalTime to = end == null ? SchoolHours.WEEKDAYS.end() : end;
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("lantern.alerts.delivery.school-hours.end must be after start");
        }
    }

    /** The starting value, with the defaults filled in. */
    public SchoolHours hours() {
        return new SchoolHours(days == null || days.isEmpty() ? SchoolHours.WEEKDAYS.days() : days,
                start == null ? SchoolHours.WEEKDAYS.start() : start, end == null ? SchoolHours.WEEKDAYS.end() : end);
    }
}
