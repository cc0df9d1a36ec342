package org.lantern.server.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import org.lantern.policy.PolicyDocument;
import org.lantern.server.http.SchoolTime;

/**
 * A policy past the review date it states. Governors approve the policy and must review it by
 * then; a date years gone by with no warning let a school run on a policy nobody had looked at.
 *
 * @param due   the review date the policy gives ({@code school.nextReview})
 * @param today the school's date it was checked on
 */
public record PolicyReview(LocalDate due, LocalDate today) {

    /** @return the review the policy in force is late for, or empty when it states no date or is not late */
    public static Optional<PolicyReview> overdue(PolicyDocument policy, LocalDate today) {
        return overdue(policy.school() == null ? null : policy.school().nextReview(), today);
    }

    /**
     * @param due   the review date a policy states, or null when it states none
     * @param today the school's date
     * @return the review that date is late for, or empty when there is none or it is not late
     */
    public static Optional<PolicyReview> overdue(LocalDate due, LocalDate today) {
        return due != null && due.isBefore(today) ? Optional.of(new PolicyReview(due, today)) : Optional.empty();
    }

    /** @return e.g. "5 years and 3 months" */
    public String lateBy() {
        Period late = Period.between(due, today);
        if (late.getYears() > 0) {
            return plural(late.getYears(), "year") + (late.getMonths() > 0 ? " and " + plural(late.getMonths(), "month") : "");
        }
        if (late.getMonths() > 0) {
            return plural(late.getMonths(), "month");
        }
        return plural(late.getDays(), "day");
    }

    /** @return the warning pages show */
    public String message() {
        return "The policy's review was due on " + SchoolTime.day(due) + ", " + lateBy() + " ago. Governors should "
                + "review and approve it; then record the dates approved and next due for review (school.approved "
                + "and school.nextReview) in the policy.";
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
