package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.due.DueDates;
import org.springframework.stereotype.Component;

/**
 * Takedown tasks on the "due this month" page: each open one due by then, named by the publication
 * and the use, never the pupil whose consent was withdrawn.
 */
@Component
class TakedownDueDates implements DueDates {

    private final Takedowns takedowns;

    TakedownDueDates(Takedowns takedowns) {
        this.takedowns = takedowns;
    }

    @Override
    public List<Due> dueBy(LocalDate until) {
        return takedowns.list(true).stream().filter(t -> !t.dueOn().isAfter(until))
                .map(t -> new Due("Take a pupil out of \"" + t.title() + "\" (" + t.use().label() + ")", t.dueOn(),
                        "/registers/consents/takedowns", t.owner(), Permission.CONSENTS_READ,
                        Permission.CONSENTS_RECORD, t.owner()))
                .toList();
    }

    @Override
    public Set<Permission> opens() {
        return Set.of(Permission.CONSENTS_READ);
    }
}
