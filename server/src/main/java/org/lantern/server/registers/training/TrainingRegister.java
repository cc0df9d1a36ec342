package org.lantern.server.registers.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.identity.Role;
import org.lantern.server.people.PersonKind;
import org.lantern.server.registers.agreements.AgreementCoverage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who must take which course and where they stand on a given day: the due and overdue lists, one
 * person's training, and a starter's induction checklist (their acceptable-use agreement signed,
 * from the agreements register, and their induction courses done). Everyone on roll that day
 * counts, a starter from their first day and a leaver until their leaving date. Read-only; the day
 * is always the caller's, so that tests and the reminder job choose it.
 */
@Service
public class TrainingRegister {

    /** How long after their first day someone appears on the starters' checklist. */
    public static final int STARTER_WINDOW_DAYS = 90;

    private static final String TRAINEES = "SELECT p.id, p.kind, p.legal_first_name, p.legal_last_name, "
            + "p.preferred_first_name, p.start_date, p.email, a.role FROM person p "
            + "LEFT JOIN account a ON a.id = p.account_id "
            + "WHERE (p.start_date IS NULL OR p.start_date <= :today) AND (p.leaving_date IS NULL OR p.leaving_date > :today)";

    private final JdbcClient jdbc;
    private final TrainingCourses courses;
    private final AgreementCoverage agreements;

    TrainingRegister(JdbcClient jdbc, TrainingCourses courses, AgreementCoverage agreements) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.agreements = agreements;
    }

    /**
     * A starter's induction checklist.
     *
     * @param trainee          the starter
     * @param agreementSigned  whether they have signed the version of their agreement that counts
     * @param induction        where they stand with each course on the checklist that they must take
     */
    public record StarterChecklist(Trainee trainee, boolean agreementSigned, List<TrainingDue> induction) {
        /** Whether everything on the checklist is done. */
        public boolean complete() {
            return agreementSigned && induction.stream().allMatch(d -> d.lastDone() != null);
        }
    }

    /** Every person on roll on {@code today} and every course they must take, by name then course. */
    public List<TrainingDue> statuses(LocalDate today) {
        return statuses(today, trainees(today, null));
    }

    /** The overdue ones on {@code today}, courses never taken first. */
    public List<TrainingDue> overdue(LocalDate today) {
        return statuses(today).stream().filter(d -> d.state() == TrainingDue.State.OVERDUE)
                .sorted(Comparator.comparing(TrainingDue::dueOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(d -> d.trainee().name()))
                .toList();
    }

    /** The ones due within {@link TrainingDue#DUE_SOON_DAYS} days of {@code today}, soonest first. */
    public List<TrainingDue> dueSoon(LocalDate today) {
        return statuses(today).stream().filter(d -> d.state() == TrainingDue.State.DUE_SOON)
                .sorted(Comparator.comparing(TrainingDue::dueOn).thenComparing(d -> d.trainee().name())).toList();
    }

    /** One person as the register sees them, if they are on roll on {@code today}. */
    public Optional<Trainee> trainee(long personId, LocalDate today) {
        return trainees(today, personId).stream().findFirst();
    }

    /** One person's standing with every course they must take. */
    public List<TrainingDue> of(long personId, LocalDate today) {
        return trainee(personId, today).map(t -> statuses(today, List.of(t))).orElse(List.of());
    }

    /**
     * The induction checklists of everyone who started within {@link #STARTER_WINDOW_DAYS} days of
     * {@code today} and takes training, newest starter first.
     */
    public List<StarterChecklist> starters(LocalDate today) {
        List<Trainee> starters = trainees(today, null).stream()
                .filter(t -> t.startDate() != null && t.startDate().isAfter(today.minusDays(STARTER_WINDOW_DAYS)))
                .filter(t -> t.trainingRole().isPresent())
                .sorted(Comparator.comparing(Trainee::startDate).reversed().thenComparing(Trainee::name))
                .toList();
        if (starters.isEmpty()) {
            return List.of();
        }
        Map<Long, Boolean> signed = new HashMap<>();
        for (AgreementCoverage.Entry e : agreements.entries(today)) {
            signed.merge(e.personId(), e.signed(), Boolean::logicalAnd);
        }
        List<TrainingDue> statuses = statuses(today, starters);
        return starters.stream().map(t -> new StarterChecklist(t, signed.getOrDefault(t.personId(), false),
                statuses.stream().filter(d -> d.trainee().personId() == t.personId() && d.course().forStarters())
                        .toList())).toList();
    }

    private List<TrainingDue> statuses(LocalDate today, List<Trainee> trainees) {
        List<Course> all = courses.list();
        Map<Long, Map<Long, LocalDate>> latest = new HashMap<>();
        jdbc.sql("SELECT person_id, course_id, MAX(completed_on) AS last_done FROM training_completion "
                        + "WHERE completed_on <= :today GROUP BY person_id, course_id")
                .param("today", today)
                .query((rs, n) -> latest.computeIfAbsent(rs.getLong("person_id"), p -> new HashMap<>())
                        .put(rs.getLong("course_id"), rs.getObject("last_done", LocalDate.class)))
                .list();
        List<TrainingDue> statuses = new ArrayList<>();
        for (Trainee trainee : trainees) {
            for (Course course : all) {
                if (trainee.mustTake(course)) {
                    statuses.add(TrainingDue.of(trainee, course,
                            latest.getOrDefault(trainee.personId(), Map.of()).get(course.id()), today));
                }
            }
        }
        statuses.sort(Comparator.comparing((TrainingDue d) -> d.trainee().name())
                .thenComparing(d -> d.trainee().personId()).thenComparing(d -> d.course().title()));
        return statuses;
    }

    private List<Trainee> trainees(LocalDate today, Long personId) {
        return jdbc.sql(TRAINEES + (personId == null ? "" : " AND p.id = :id"))
                .param("today", today).params(personId == null ? Map.of() : Map.of("id", personId))
                .query((rs, n) -> {
                    String preferred = rs.getString("preferred_first_name");
                    String first = preferred == null || preferred.isBlank() ? rs.getString("legal_first_name") : preferred;
                    String role = rs.getString("role");
                    return new Trainee(rs.getLong("id"), first + " " + rs.getString("legal_last_name"),
                            PersonKind.valueOf(rs.getString("kind")), role == null ? null : Role.valueOf(role),
                            rs.getObject("start_date", LocalDate.class), rs.getString("email"));
                })
                .list().stream().filter(t -> t.trainingRole().isPresent()).toList();
    }
}
