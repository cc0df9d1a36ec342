package org.lantern.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.util.Locale;

/**
 * A day of the week as written in a policy ({@code monday} … {@code sunday}). Kept separate from
 * {@link DayOfWeek} so that the YAML and JSON forms stay lower-case and stable.
 */
public enum Weekday {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

    /** The identifier used in the YAML and JSON forms. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The same day as a {@link DayOfWeek}. */
    public DayOfWeek dayOfWeek() {
        return DayOfWeek.valueOf(name());
    }
}
