package org.lantern.server.registers.review;

import java.time.Instant;
import java.util.List;

import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.reports.Breakdown;
import org.lantern.server.reports.FilteringOversight;
import org.lantern.server.reports.SchoolYear;
import org.springframework.stereotype.Service;

/**
 * The evidence a filtering and monitoring review is signed on, gathered now: the policy in force and its
 * categories, the change-control log of policy versions in the year, the year's alert, bypass and
 * unblock counts (the governors' report's own, {@link FilteringOversight}, with its small-number
 * suppression), and the built-in {@link FilterTest}. Counts only: no name or address of anyone's
 * browsing. An open review shows it live; at the final signature {@link FilteringReviews} stores
 * it, so a signed review keeps showing what it was signed against.
 */
@Service
public class ReviewEvidence {

    private final PolicyService policies;
    private final FilteringOversight oversight;
    private final FilterTest filterTest;

    ReviewEvidence(PolicyService policies, FilteringOversight oversight, FilterTest filterTest) {
        this.policies = policies;
        this.oversight = oversight;
        this.filterTest = filterTest;
    }

    /**
     * A policy version in the change-control log.
     *
     * @param number    the version
     * @param author    who made it
     * @param createdAt when
     * @param reason    why, as recorded
     */
    public record Change(int number, String author, Instant createdAt, String reason) {
    }

    /**
     * The evidence for one school year.
     *
     * @param year          the first calendar year of the school year
     * @param policyVersion the policy version in force now
     * @param changes       the policy versions made during the year, newest first
     * @param counts        the year's blocked, bypass, alert and unblock counts
     * @param filterTest    the filter test, run now
     */
    public record Evidence(int year, int policyVersion, List<Change> changes, List<Breakdown> counts,
                           List<FilterTest.Check> filterTest) {
    }

    /** Gathers the evidence for {@code year}, running the filter test now. */
    public Evidence gather(SchoolYear year) {
        Instant from = year.start().toInstant();
        Instant to = year.end().toInstant();
        List<Change> changes = policies.versions().stream()
                .filter(v -> !v.createdAt().isBefore(from) && v.createdAt().isBefore(to))
                .map(v -> new Change(v.number(), v.author(), v.createdAt(), v.reason()))
                .toList();
        FilteringOversight.Oversight counted = oversight.build(year);
        return new Evidence(year.startYear(), policies.current().map(PolicyVersion::number).orElse(0), changes,
                List.of(counted.blockedByCategory(), counted.alertsByKind(), counted.bypassByMonth(),
                        counted.unblocksByOutcome()),
                filterTest.run());
    }
}
