package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What every register has due to the end of the month of a given day, overdue items included,
 * earliest first, kept to what a viewer may open: the page, the API and the weekly email each ask
 * with their own reader, so no one is shown an item whose register would refuse them. Whoever may
 * open at least one register's items may open the page ({@link #mayOpen}), so the office staff who
 * keep consents, loans, licences and training see theirs without the reviews' readers' permission.
 */
@Service
public class DueThisMonth {

    private final List<DueDates> registers;
    private final Set<Permission> readers;

    DueThisMonth(List<DueDates> registers) {
        this.registers = registers;
        this.readers = registers.stream().flatMap(r -> r.opens().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** Every permission that opens some register's items: holding any one of them opens the page. */
    public Set<Permission> readers() {
        return readers;
    }

    /** Whether {@code viewer} may open the page: they hold a permission that opens some register's items. */
    public boolean mayOpen(Authentication viewer) {
        return readers.stream().anyMatch(p -> p.heldBy(viewer));
    }

    /** Whether a role may open the page, as {@link #mayOpen(Authentication)} for an account of it. */
    public boolean mayOpen(Role role) {
        return readers.stream().anyMatch(role::can);
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
