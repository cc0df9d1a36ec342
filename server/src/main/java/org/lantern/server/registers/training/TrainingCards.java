package org.lantern.server.registers.training;

import java.util.List;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/** The training register on the Registers page, with how much training is overdue and by how many people. */
@Component
class TrainingCards implements RegisterCards {

    private final TrainingRegister training;

    TrainingCards(TrainingRegister training) {
        this.training = training;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(40, Permission.TRAINING_READ, "Training", "/registers/training",
                "Who must take which course, completions with evidence, and starters' induction.",
                (today, viewer) -> {
                    List<TrainingDue> overdue = training.overdue(today);
                    long people = overdue.stream().map(d -> d.trainee().personId()).distinct().count();
                    return List.of(RegisterCards.count(overdue.size(), "course overdue", "courses overdue")
                            + " (" + RegisterCards.count(people, "person", "people") + ")");
                }));
    }
}
