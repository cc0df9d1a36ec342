package org.lantern.server.registers.agreements;

import java.util.List;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/** The acceptable-use agreements register on the Registers page, with how many have not signed. */
@Component
class AgreementCards implements RegisterCards {

    private final AgreementCoverage coverage;

    AgreementCards(AgreementCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(10, Permission.AGREEMENTS_READ, "Acceptable-use agreements", "/registers/agreements",
                "Who has signed the agreement in force, by audience, year group and class.",
                (today, viewer) -> List.of(RegisterCards.count(coverage.unsigned(today, null, null, null).size(),
                        "person has not signed", "people have not signed"))));
    }
}
