package org.lantern.server.registers.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.policy.PolicyDocument;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.registers.agreements.AgreementCoverage;
import org.lantern.server.registers.consents.ConsentExceptions;
import org.lantern.server.registers.review.FilterTest;
import org.lantern.server.registers.review.FilteringReview;
import org.lantern.server.registers.review.FilteringReviews;
import org.lantern.server.registers.review.ReviewAnswers;
import org.lantern.server.registers.training.Course;
import org.lantern.server.registers.training.TrainingCourses;
import org.lantern.server.registers.training.TrainingDue;
import org.lantern.server.registers.training.TrainingRegister;
import org.lantern.server.reports.FilteringOversight;
import org.lantern.server.reports.GovernorsReport;
import org.lantern.server.reports.GovernorsReports;
import org.lantern.server.reports.MonitoringCounts;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.reports.SmallNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the {@link EvidencePack} from each register's own read-only services, so the pack says
 * what their pages say: the agreements' coverage, the training register's due and overdue, the
 * reviews, the consent exceptions, and the governors' report's incident and alert counts with its
 * small-number suppression. It asks each for counts or the school's own words, never a list of
 * people. Reading the last review into the pack is logged as a read of that review.
 */
@Service
public class EvidencePacks {

    private static final int ANSWER_SUMMARY = 400;

    private final PolicyService policies;
    private final AgreementCoverage agreements;
    private final TrainingRegister training;
    private final TrainingCourses courses;
    private final FilteringReviews reviews;
    private final FilterTest filterTest;
    private final ConsentExceptions consents;
    private final GovernorsReports governors;
    private final MonitoringCounts monitoring;
    private final FilteringOversight oversight;

    EvidencePacks(PolicyService policies, AgreementCoverage agreements, TrainingRegister training,
                  TrainingCourses courses, FilteringReviews reviews, FilterTest filterTest, ConsentExceptions consents,
                  GovernorsReports governors, MonitoringCounts monitoring, FilteringOversight oversight) {
        this.policies = policies;
        this.agreements = agreements;
        this.training = training;
        this.courses = courses;
        this.reviews = reviews;
        this.filterTest = filterTest;
        this.consents = consents;
        this.governors = governors;
        this.monitoring = monitoring;
        this.oversight = oversight;
    }

    /** The pack as of today, for the current school year, read by {@code viewer} through {@code channel}. */
    @Transactional
    public EvidencePack build(Viewer viewer, Channel channel) {
        LocalDate today = SchoolTime.today();
        SchoolYear year = SchoolYear.containing(today);
        PolicyVersion version = policies.current().orElseThrow();
        PolicyDocument document = policies.currentDocument();

        List<FilteringReview> all = reviews.all();
        Optional<FilteringReview> last = all.stream().filter(FilteringReview::complete).findFirst();
        Optional<FilteringReview> inProgress = all.stream().findFirst().filter(r -> !r.complete());
        last.ifPresent(r -> reviews.logRead(r.id(), viewer, channel));
        inProgress.ifPresent(r -> reviews.logRead(r.id(), viewer, channel));

        GovernorsReport report = governors.build(year);
        MonitoringCounts.Counts alerts = monitoring.year(year, today);
        ConsentExceptions.Counts exceptions = consents.count(year.firstDay(), year.lastDay(), today);
        return new EvidencePack(document.school().name(), year.label(), today, OffsetDateTime.now(SchoolTime.ZONE),
                PolicyInForce.of(version, document), agreementLines(today), trainingLines(today),
                last.map(EvidencePacks::summarised).orElse(null), inProgress.map(EvidencePacks::summarised).orElse(null),
                filterTest.run(), exceptions, SmallNumbers.headline(exceptions.neverPublish()),
                report.incidents(), List.of(report.pupilCategories(), report.staffCategories()),
                alerts.total(), List.of(alerts.byCategory(), oversight.build(year).alertsByKind()),
                notes());
    }

    private List<EvidencePack.AgreementLine> agreementLines(LocalDate today) {
        return agreements.coverage(today).stream()
                .map(c -> new EvidencePack.AgreementLine(c.audience().label(),
                        c.version() == null ? 0 : c.version().number(), c.version() == null ? "" : c.version().title(),
                        c.all().signed(), c.all().unsigned()))
                .toList();
    }

    private List<EvidencePack.TrainingLine> trainingLines(LocalDate today) {
        Map<Long, Map<TrainingDue.State, Long>> counts = training.statuses(today).stream()
                .collect(Collectors.groupingBy(d -> d.course().id(),
                        Collectors.groupingBy(TrainingDue::state, Collectors.counting())));
        List<EvidencePack.TrainingLine> lines = new ArrayList<>();
        for (Course course : courses.list()) {
            Map<TrainingDue.State, Long> c = counts.getOrDefault(course.id(), Map.of());
            Function<TrainingDue.State, Long> n = s -> c.getOrDefault(s, 0L);
            lines.add(new EvidencePack.TrainingLine(course.title(), course.renewalText(),
                    n.apply(TrainingDue.State.UP_TO_DATE), n.apply(TrainingDue.State.DUE_SOON),
                    n.apply(TrainingDue.State.OVERDUE)));
        }
        return lines;
    }

    /** The review with each answer cut to a summary. */
    private static FilteringReview summarised(FilteringReview r) {
        ReviewAnswers a = r.answers();
        return new FilteringReview(r.id(), r.schoolYear(), r.number(), r.basedOn(),
                new ReviewAnswers(EvidencePack.summary(a.send(), ANSWER_SUMMARY),
                        EvidencePack.summary(a.eal(), ANSWER_SUMMARY), EvidencePack.summary(a.aiTools(), ANSWER_SUMMARY),
                        EvidencePack.summary(a.byod(), ANSWER_SUMMARY), EvidencePack.summary(a.actions(), ANSWER_SUMMARY)),
                r.createdBy(), r.createdAt(), r.leaderSignedBy(), r.leaderSignedAt(), r.governorSignedBy(),
                r.governorSignedAt());
    }

    private static List<String> notes() {
        return List.of(
                "Incident and alert counts of 1 or 2 are shown as <3 so that no pupil or member of staff can be "
                        + "recognised; where a <3 could be worked out from a total, another count is withheld as well. "
                        + "The number of pupils who must never be published is suppressed the same way.",
                "Agreement coverage counts everyone on roll today against the version of their agreement that must "
                        + "be signed; a pupil counts for their own agreement and for their parents'.",
                "Training counts everyone on roll who must take each course: done (up to date), due within 60 days, "
                        + "and overdue (or never taken, after a starter's first 30 days).",
                "The filter test was run as this pack was made: for each category of the policy in force, an address "
                        + "from the loaded lists was put through the filter.",
                "The pack holds no pupil's name or identifier. Each copy made is logged.");
    }
}
