package org.lantern.server.registers.devices;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Permission;
import org.lantern.server.registers.due.DueDates;
import org.springframework.stereotype.Component;

/**
 * Loans on the "due this month" page: each device due back by then, by the earlier of its due day
 * and the end of a return request's 72 hours. The device, never the borrower: the page is also the
 * governors'.
 */
@Component
class LoanDueDates implements DueDates {

    private final Loans loans;

    LoanDueDates(Loans loans) {
        this.loans = loans;
    }

    @Override
    public List<Due> dueBy(LocalDate until) {
        return loans.open().stream().map(l -> new Due(l.device().label() + " due back", dueBack(l),
                        "/registers/loans/" + l.id(), "Whoever keeps devices", Permission.DEVICES_READ,
                        Permission.DEVICES_MANAGE))
                .filter(d -> !d.due().isAfter(until)).toList();
    }

    @Override
    public Set<Permission> opens() {
        return Set.of(Permission.DEVICES_READ);
    }

    private static LocalDate dueBack(Loan loan) {
        if (loan.returnDueAt() == null) {
            return loan.dueOn();
        }
        LocalDate requested = loan.returnDueAt().atZoneSameInstant(SchoolTime.ZONE).toLocalDate();
        return requested.isBefore(loan.dueOn()) ? requested : loan.dueOn();
    }
}
