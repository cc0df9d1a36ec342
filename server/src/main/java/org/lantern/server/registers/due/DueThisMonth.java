package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What every register has due to the end of the month of a given day, overdue items included,
 * earliest first, kept to what a viewer may open: the page, the API and the weekly email each ask
 * with their own reader, so no one is shown an item whose register would refuse them.
 */
@Service
public class DueThisMonth {

    private final List<DueDates> registers;

    DueThisMonth(List<DueDates> registers) {
        this.registers = registers;
    }

    /** Everything due by the end of {@code today}'s month that {@code mayOpen} lets through, earliest first. */
    public List<DueDates.Due> due(LocalDate today, Predicate<DueDates.Due> mayOpen) {
        LocalDate until = YearMonth.from(today).atEndOfMonth();
        return registers.stream().flatMap(r -> r.dueBy(until).stream()).filter(mayOpen)
                .sorted(Comparator.comparing(DueDates.Due::due)).toList();
    }

    /** Everything due by the end of {@code today}'s month that {@code viewer}'s permissions open. */
    public List<DueDates.Due> dueFor(LocalDate today, Authentication viewer) {
        return due(today, d -> d.opens().heldBy(viewer));
    }
}
