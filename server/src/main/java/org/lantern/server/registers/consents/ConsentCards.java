package org.lantern.server.registers.consents;

import java.util.List;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/**
 * Photo and video consent on the Registers page, with the open takedown tasks, and the "who may not
 * be photographed" list for the staff who take pupils out (no count: it is chosen by class or trip).
 */
@Component
class ConsentCards implements RegisterCards {

    private final Takedowns takedowns;

    ConsentCards(Takedowns takedowns) {
        this.takedowns = takedowns;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(20, Permission.CONSENTS_READ, "Photo and video consent", "/registers/consents",
                        "Each pupil's consents by use, what the school published, and takedowns after a withdrawal.",
                        (today, viewer) -> {
                            List<TakedownTask> open = takedowns.list(true);
                            long overdue = open.stream().filter(t -> t.overdueOn(today)).count();
                            return List.of(RegisterCards.count(open.size(), "takedown open", "takedowns open"),
                                    RegisterCards.count(overdue, "takedown overdue", "takedowns overdue"));
                        }),
                new Card(25, Permission.PHOTO_LIST_READ, "Who may not be photographed", "/registers/consents/no-photos",
                        "The list for a class or trip, on a phone or printed.", (today, viewer) -> List.of()));
    }
}
