package org.lantern.server.registers.review;

import java.time.LocalDate;
import java.util.List;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Permission;
import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/** The annual filtering and monitoring review on the Registers page, with the day the next is due. */
@Component
class ReviewCards implements RegisterCards {

    private final ReviewDueDates due;

    ReviewCards(ReviewDueDates due) {
        this.due = due;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(60, Permission.REVIEWS_READ, "Annual filtering and monitoring review",
                "/registers/reviews", "The DfE's yearly review, signed by a senior leader and a governor.",
                (today, viewer) -> {
                    LocalDate next = due.nextAnnualReview();
                    return List.of((next.isAfter(today) ? "Next review due " : "Review due since ")
                            + SchoolTime.day(next));
                }));
    }
}
