package org.lantern.policy;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A named set of weekly time slots, e.g. lessons or social time, that gives "acceptable at certain
 * times" a precise meaning.
 *
 * @param id    stable identifier, e.g. {@code social-time}
 * @param name  name shown to people
 * @param slots the weekly slots making up the window
 */
public record TimeWindow(String id, String name, List<Slot> slots) {
    public TimeWindow {
        slots = Lists.copy(slots);
    }

    /** Whether the given local date-time (in the school's zone) falls in one of the slots. */
    public boolean contains(ZonedDateTime local) {
        return slots.stream().anyMatch(slot -> slot.contains(local));
    }

    /**
     * A weekly slot: on each of {@code days}, from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param days the days the slot recurs on
     * @param from start time, inclusive
     * @param to   end time, exclusive; later than {@code from}
     */
    public record Slot(List<Weekday> days, LocalTime from, LocalTime to) {
        public Slot {
            days = Lists.copy(days);
        }

        /** Whether the local date-time falls in this slot. */
        public boolean contains(ZonedDateTime local) {
            LocalTime time = local.toLocalTime();
            return days.stream().anyMatch(d -> d.dayOfWeek() == local.getDayOfWeek())
                    && !time.isBefore(from) && time.isBefore(to);
        }
    }
}
