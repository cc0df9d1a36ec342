package org.lantern.server.registers.due;

import java.util.List;

import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/** "Due this month" on the Registers page, counting only what the viewer may open. */
@Component
class DueCards implements RegisterCards {

    private final DueThisMonth due;

    DueCards(DueThisMonth due) {
        this.due = due;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(70, due.readers(), "Due this month", "/registers/due",
                "Review and renewal dates from every register, the overdue first.",
                (today, viewer) -> {
                    List<DueDates.Due> items = due.dueFor(today, viewer);
                    long overdue = items.stream().filter(d -> d.due().isBefore(today)).count();
                    return List.of(RegisterCards.count(items.size(), "item due", "items due"),
                            RegisterCards.count(overdue, "overdue", "overdue"));
                }));
    }
}
