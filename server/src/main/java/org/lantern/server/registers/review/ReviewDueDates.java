package org.lantern.server.registers.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lantern.policy.School;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.identity.Permission;
import org.lantern.server.registers.due.DueDates;
import org.springframework.stereotype.Component;

/**
 * The review dates this register answers for: the policy's own review date ({@code school.nextReview})
 * and the next annual filtering and monitoring review, a year after the last one was completed
 * (due now when none ever was).
 */
@Component
class ReviewDueDates implements DueDates {

    private final PolicyService policies;
    private final FilteringReviews reviews;

    ReviewDueDates(PolicyService policies, FilteringReviews reviews) {
        this.policies = policies;
        this.reviews = reviews;
    }

    @Override
    public List<Due> dueBy(LocalDate until) {
        List<Due> due = new ArrayList<>();
        School school = policies.current().isPresent() ? policies.currentDocument().school() : null;
        if (school != null && school.nextReview() != null && !school.nextReview().isAfter(until)) {
            due.add(new Due("The policy's review", school.nextReview(), "/policy", "Governors",
                    Permission.POLICY_READ, Permission.POLICY_EDIT));
        }
        LocalDate next = nextAnnualReview();
        if (!next.isAfter(until)) {
            due.add(new Due("The annual filtering and monitoring review", next, "/registers/reviews",
                    "The senior leader and the governor", Permission.REVIEWS_READ, Permission.REVIEWS_LEAD));
        }
        return due;
    }

    @Override
    public Set<Permission> opens() {
        return Set.of(Permission.POLICY_READ, Permission.REVIEWS_READ);
    }

    /** A year after the last complete review's later signature; today when no review was ever completed. */
    LocalDate nextAnnualReview() {
        return ReviewRules.nextAnnualReview(reviews.all(), SchoolTime.today());
    }
}
