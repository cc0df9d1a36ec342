package org.lantern.server.registers.cloud;

import java.util.List;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/**
 * The approved cloud services and the software licences on the Registers page, with the requests
 * waiting and the licences running out soon.
 */
@Component
class CloudCards implements RegisterCards {

    private final CloudServices services;
    private final SoftwareLicences licences;

    CloudCards(CloudServices services, SoftwareLicences licences) {
        this.services = services;
        this.licences = licences;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(50, Permission.CLOUD_SERVICES_READ, "Cloud services", "/registers/cloud",
                        "The approved services staff may use, and asking for a new one.",
                        (today, viewer) -> List.of(
                                RegisterCards.count(services.list(CloudService.Status.APPROVED).size(),
                                        "approved", "approved"),
                                RegisterCards.count(services.list(CloudService.Status.REQUESTED).size(),
                                        "waiting for approval", "waiting for approval"))),
                new Card(55, Permission.SOFTWARE_MANAGE, "Software licences", "/registers/licences",
                        "Proof of licence for the school's software, and when each runs out.",
                        (today, viewer) -> List.of(RegisterCards.count(licences.dueSoon(today).size(),
                                "runs out", "run out") + " within " + SoftwareLicences.DUE_SOON_DAYS + " days")));
    }
}
