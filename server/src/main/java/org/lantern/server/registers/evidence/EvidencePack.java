package org.lantern.server.registers.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.lantern.server.policy.PolicyReview;
import org.lantern.server.registers.consents.ConsentExceptions;
import org.lantern.server.registers.review.FilterTest;
import org.lantern.server.registers.review.FilteringReview;
import org.lantern.server.reports.Breakdown;
import org.lantern.server.reports.Count;

/**
 * What a school shows an inspector about its online safety, on one day: the filtering policy in
 * force, acceptable-use agreement coverage, training status, the last annual filtering and
 * monitoring review with the filter test, consent exceptions, and the school year's incidents and
 * alerts. Counts and the school's own words only: no pupil's name or identifier is read into it.
 *
 * @param school       the school's name
 * @param schoolYear   the school year the incident and alert counts cover, e.g. "2026/27"
 * @param today        the day the registers are counted on
 * @param generatedAt  when this copy was made
 * @param policy       the filtering policy in force
 * @param agreements   each audience's coverage of the agreement version in force
 * @param training     each course's counts
 * @param review       the last review signed by both, or null when none is
 * @param inProgress   a later review not yet signed by both, or null
 * @param filterTest   the built-in filter test, run as this copy was made
 * @param consents     the photo consent register's exceptions
 * @param neverPublish the never-publish count as printed, small numbers suppressed
 * @param incidents    the year's incidents, as printed
 * @param incidentCategories the year's pupil and staff incidents by category
 * @param alerts       the year's safeguarding alerts, as printed
 * @param alertCounts  the year's safeguarding alerts by category and filter alerts by kind
 * @param notes        how to read it
 */
public record EvidencePack(String school, String schoolYear, LocalDate today, OffsetDateTime generatedAt,
                           PolicyInForce policy, List<AgreementLine> agreements, List<TrainingLine> training,
                           FilteringReview review, FilteringReview inProgress, List<FilterTest.Check> filterTest,
                           ConsentExceptions.Counts consents, Count neverPublish, Count incidents,
                           List<Breakdown> incidentCategories, Count alerts, List<Breakdown> alertCounts,
                           List<String> notes) {

    public EvidencePack {
        agreements = List.copyOf(agreements);
        training = List.copyOf(training);
        filterTest = List.copyOf(filterTest);
        incidentCategories = List.copyOf(incidentCategories);
        alertCounts = List.copyOf(alertCounts);
        notes = List.copyOf(notes);
    }

    /**
     * One audience's agreement coverage.
     *
     * @param audience who signs it, e.g. "Staff"
     * @param version  the version in force, or 0 when none is written
     * @param title    its title, or blank
     * @param signed   people who have signed the version that counts
     * @param unsigned people who have not
     */
    public record AgreementLine(String audience, int version, String title, int signed, int unsigned) {
    }

    /**
     * One course's counts among everyone who must take it.
     *
     * @param course   its title
     * @param renewal  how often, e.g. "every 2 years"
     * @param done     up to date
     * @param dueSoon  due within the next 60 days
     * @param overdue  overdue or never taken
     */
    public record TrainingLine(String course, String renewal, long done, long dueSoon, long overdue) {
    }

    /**
     * An inspector reads a past review date as a lapse, so the pack says so rather than printing
     * the date as if it were still to come.
     *
     * @return whether the policy's own review date has passed on the day the pack was counted
     */
    public boolean policyReviewOverdue() {
        return PolicyReview.overdue(policy.nextReview(), today).isPresent();
    }

    /** How many categories of the filter test passed. */
    public long filterTestPassed() {
        return filterTest.stream().filter(FilterTest.Check::passed).count();
    }

    /**
     * An answer of the review cut to {@code max} characters at a word, for a summary: the whole
     * answer stays on the review's page.
     */
    public static String summary(String answer, int max) {
        if (answer == null || answer.length() <= max) {
            return answer;
        }
        int cut = answer.lastIndexOf(' ', max);
        return answer.substring(0, cut > max / 2 ? cut : max) + " ...";
    }
}
