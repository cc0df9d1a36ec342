package org.lantern.server.registers.training;

import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courses the school requires: who must take each (by role) and how often. Each change is
 * appended to the audit chain ({@code training.course-saved}).
 */
@Service
public class TrainingCourses {

    static final String RECORD_TYPE = "training-course";
    static final int MAX_TITLE = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private final JdbcClient jdbc;
    private final AuditChain audit;

    TrainingCourses(JdbcClient jdbc, AuditChain audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A course as typed on the form or sent to the API.
     *
     * @param code          e.g. {@code CYBER_SECURITY}
     * @param title         e.g. "Cyber security"
     * @param renewalMonths months until it must be taken again, or null for once
     * @param roles         who must take it
     * @param forStarters   whether it is on the induction checklist
     */
    public record CourseForm(String code, String title, Integer renewalMonths, Set<Role> roles, boolean forStarters) {
    }

    /** Every course, by title. */
    public List<Course> list() {
        return jdbc.sql("SELECT * FROM training_course ORDER BY title, id").query(TrainingCourses::map).list();
    }

    public Optional<Course> find(long id) {
        return jdbc.sql("SELECT * FROM training_course WHERE id = :id").param("id", id).query(TrainingCourses::map)
                .optional();
    }

    /** The course of a code, ignoring case, as a CSV import names it. */
    public Optional<Course> findByCode(String code) {
        return jdbc.sql("SELECT * FROM training_course WHERE code = :c").param("c", code.strip().toUpperCase(Locale.ROOT))
                .query(TrainingCourses::map).optional();
    }

    /**
     * Adds a course.
     *
     * @throws RegisterException for a malformed form, or a code already used (conflict)
     */
    @Transactional
    public Course create(CourseForm form, String actor) {
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(Locale.ROOT);
        List<String> problems = check(form);
        if (!CODE.matcher(code).matches()) {
            problems.add("The code must be 2 to 32 capital letters, digits or underscores, starting with a letter, "
                    + "e.g. CYBER_SECURITY.");
        }
        RegisterException.refuseIfAny(problems);
        if (findByCode(code).isPresent()) {
            throw RegisterException.conflict("There is already a course with the code " + code + ".");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO training_course (code, title, renewal_months, roles, for_starters, changed_by, changed_at) "
                        + "VALUES (:code, :title, :months, :roles, :starters, :by, :at)")
                .param("code", code).param("title", form.title().strip()).param("months", form.renewalMonths())
                .param("roles", roles(form.roles())).param("starters", form.forStarters()).param("by", actor)
                .param("at", now()).update(key, "id");
        Course course = find(key.getKeyAs(Number.class).longValue()).orElseThrow();
        audited(course, actor);
        return course;
    }

    /**
     * Changes a course's title, renewal, roles and place on the induction checklist; its code stays.
     *
     * @throws RegisterNotFoundException when there is no such course
     * @throws RegisterException for a malformed form
     */
    @Transactional
    public Course update(long id, CourseForm form, String actor) {
        find(id).orElseThrow(() -> new RegisterNotFoundException("There is no course " + id + "."));
        RegisterException.refuseIfAny(check(form));
        jdbc.sql("UPDATE training_course SET title = :title, renewal_months = :months, roles = :roles, "
                        + "for_starters = :starters, changed_by = :by, changed_at = :at WHERE id = :id")
                .param("title", form.title().strip()).param("months", form.renewalMonths())
                .param("roles", roles(form.roles())).param("starters", form.forStarters()).param("by", actor)
                .param("at", now()).param("id", id).update();
        Course course = find(id).orElseThrow();
        audited(course, actor);
        return course;
    }

    private static List<String> check(CourseForm form) {
        List<String> problems = new ArrayList<>();
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty()) {
            problems.add("Give the course a title.");
        } else if (title.length() > MAX_TITLE) {
            problems.add("The title is " + title.length() + " characters long; at most " + MAX_TITLE + ".");
        }
        if (form.renewalMonths() != null && (form.renewalMonths() < 1 || form.renewalMonths() > 120)) {
            problems.add("Renewal must be 1 to 120 months, or blank for a course taken once.");
        }
        if (form.roles() == null || form.roles().isEmpty()) {
            problems.add("Choose at least one role that must take the course.");
        }
        return problems;
    }

    private void audited(Course course, String actor) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", course.code());
        detail.put("renewalMonths", course.renewalMonths());
        detail.put("roles", roles(course.roles()));
        detail.put("forStarters", course.forStarters());
        audit.append(actor, "training.course-saved", RECORD_TYPE, Long.toString(course.id()), RegisterJson.of(detail));
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static Course map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
        int months = rs.getInt("renewal_months");
        Integer renewal = rs.wasNull() ? null : months;
        return new Course(rs.getLong("id"), rs.getString("code"), rs.getString("title"), renewal,
                roles, rs.getBoolean("for_starters"));
    }
}
