package org.lantern.server.registers.cloud;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.due.DueDates;
import org.springframework.stereotype.Component;

/** Software licences on the "due this month" page: each one that runs out by then, to renew or retire. */
@Component
class LicenceDueDates implements DueDates {

    private final SoftwareLicences licences;

    LicenceDueDates(SoftwareLicences licences) {
        this.licences = licences;
    }

    @Override
    public List<Due> dueBy(LocalDate until) {
        return licences.list().stream().filter(l -> l.dueWithin(0, until))
                .map(l -> new Due("Licence for " + l.product() + " runs out", l.expiresOn(), "/registers/licences",
                        "Whoever keeps software", Permission.SOFTWARE_MANAGE, Permission.SOFTWARE_MANAGE))
                .toList();
    }

    @Override
    public Set<Permission> opens() {
        return Set.of(Permission.SOFTWARE_MANAGE);
    }
}
