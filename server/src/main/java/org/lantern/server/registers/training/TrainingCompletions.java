package org.lantern.server.registers.training;

import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.evidence.EvidenceRejectedException;
import org.lantern.server.incidents.evidence.UploadCheck;
import org.lantern.server.registers.RegisterJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who completed which course when, with a note of the evidence and optionally the
 * certificate: an image or a PDF of at most {@value #MAX_CERTIFICATE_MB} MB, its type told from its
 * bytes by the same check as incident evidence ({@link UploadCheck}). Each completion, change and
 * import is appended to the audit chain with no names in its detail. A refusal changes nothing.
 */
@Service
public class TrainingCompletions {

    static final String RECORD_TYPE = "training-completion";
    static final int MAX_EVIDENCE = 500;
    static final int MAX_CERTIFICATE_MB = 5;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** Certificates: images and PDFs, nothing a browser would run. */
    static final UploadCheck CERTIFICATES = new UploadCheck("certificates", MAX_CERTIFICATE_MB * 1024L * 1024L,
            List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"));

    private final JdbcClient jdbc;
    private final TrainingCourses courses;
    private final TrainingRegister register;
    private final AuditChain audit;

    TrainingCompletions(JdbcClient jdbc, TrainingCourses courses, TrainingRegister register, AuditChain audit) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.register = register;
        this.audit = audit;
    }

    /**
     * An uploaded certificate.
     *
     * @param name    the name it was uploaded with, shown to people (never used to decide its type)
     * @param content its bytes
     */
    public record Certificate(String name, byte[] content) {
    }

    /**
     * A certificate ready to send.
     *
     * @param completion the completion it belongs to
     * @param content    its bytes
     * @param fileName   a safe download name
     */
    public record Download(Completion completion, byte[] content, String fileName) {
    }

    /**
     * Records a completion.
     *
     * @param certificate the uploaded certificate, or null
     * @throws RegisterNotFoundException for no such person (on roll today) or course
     * @throws RegisterException         for a missing or future date, over-long evidence, a person who
     *                                   takes no training, a refused certificate, or one already recorded (conflict)
     */
    @Transactional
    public Completion record(long personId, long courseId, LocalDate completedOn, String evidence,
                             Certificate certificate, String actor, LocalDate today) {
        Course course = course(courseId);
        Trainee trainee = register.trainee(personId, today).orElseThrow(() -> new RegisterNotFoundException(
                "There is no member of staff or governor " + personId + " on roll today."));
        List<String> problems = checkDate(completedOn, today);
        String note = evidence == null ? "" : evidence.strip();
        if (note.length() > MAX_EVIDENCE) {
            problems.add("The evidence note is " + note.length() + " characters long; at most " + MAX_EVIDENCE + ".");
        }
        String type = null;
        if (certificate != null) {
            try {
                type = CERTIFICATES.typeOf(certificate.content());
            } catch (EvidenceRejectedException e) {
                problems.addAll(e.problems());
            }
        }
        RegisterException.refuseIfAny(problems);
        if (recorded(courseId, personId, completedOn, null)) {
            throw RegisterException.conflict(trainee.name() + "'s " + course.title() + " on " + day(completedOn)
                    + " is already recorded.");
        }
        Completion done = insert(course, personId, completedOn, note, certificate, type, actor);
        audited("training.completed", done, actor, Map.of());
        return done;
    }

    /**
     * Corrects a completion's date and evidence note; its certificate stays.
     *
     * @throws RegisterNotFoundException for no such completion
     * @throws RegisterException         for a bad date or note, or a clash with another completion
     */
    @Transactional
    public Completion update(long id, LocalDate completedOn, String evidence, String actor, LocalDate today) {
        Completion before = find(id).orElseThrow(() -> new RegisterNotFoundException("There is no completion " + id + "."));
        List<String> problems = checkDate(completedOn, today);
        String note = evidence == null ? "" : evidence.strip();
        if (note.length() > MAX_EVIDENCE) {
            problems.add("The evidence note is " + note.length() + " characters long; at most " + MAX_EVIDENCE + ".");
        }
        RegisterException.refuseIfAny(problems);
        if (recorded(before.courseId(), before.personId(), completedOn, id)) {
            throw RegisterException.conflict("That course is already recorded as completed on " + day(completedOn) + ".");
        }
        jdbc.sql("UPDATE training_completion SET completed_on = :on, evidence = :e WHERE id = :id")
                .param("on", completedOn).param("e", note).param("id", id).update();
        Completion after = find(id).orElseThrow();
        audited("training.completion-corrected", after, actor, Map.of("was", before.completedOn().toString()));
        return after;
    }

    /**
     * Records checked rows of an import, all or none, in one transaction.
     *
     * @return the completions recorded
     */
    @Transactional
    public List<Completion> recordAll(List<TrainingCsvImport.Row> rows, String actor) {
        List<Completion> done = new ArrayList<>();
        for (TrainingCsvImport.Row row : rows) {
            Completion c = insert(row.course(), row.personId(), row.completedOn(), row.evidence(), null, null, actor);
            audited("training.completed", c, actor, Map.of("imported", true));
            done.add(c);
        }
        return done;
    }

    /**
     * Every completion, newest first, optionally of one person.
     *
     * @throws RegisterNotFoundException for a person who does not exist, so that an id asked about is
     *                                   never answered as though it named someone with no training
     */
    public List<Completion> list(Long personId) {
        if (personId != null && jdbc.sql("SELECT COUNT(*) FROM person WHERE id = :p").param("p", personId)
                .query(Long.class).single() == 0) {
            throw new RegisterNotFoundException("There is no person " + personId + ".");
        }
        return jdbc.sql(SELECT + (personId == null ? "" : " WHERE person_id = :p")
                        + " ORDER BY completed_on DESC, id DESC")
                .params(personId == null ? Map.of() : Map.of("p", personId)).query(TrainingCompletions::map).list();
    }

    public Optional<Completion> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(TrainingCompletions::map).optional();
    }

    /** Whether this course is recorded for this person on this day (other than completion {@code except}). */
    boolean recorded(long courseId, long personId, LocalDate on, Long except) {
        return jdbc.sql("SELECT COUNT(*) FROM training_completion WHERE course_id = :c AND person_id = :p "
                        + "AND completed_on = :on AND id <> :except")
                .param("c", courseId).param("p", personId).param("on", on).param("except", except == null ? -1L : except)
                .query(Long.class).single() > 0;
    }

    /**
     * A completion's certificate for download.
     *
     * @throws RegisterNotFoundException when there is no such completion or it has no certificate
     */
    public Download certificate(long id) {
        Completion c = find(id).filter(Completion::hasCertificate)
                .orElseThrow(() -> new RegisterNotFoundException("There is no certificate for completion " + id + "."));
        byte[] content = jdbc.sql("SELECT content FROM training_certificate WHERE completion_id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes("content")).single();
        return new Download(c, content, "certificate-" + id + "." + UploadCheck.extension(c.certificateType()));
    }

    /** Problems with a completion date: missing, in the future or implausibly old. */
    static List<String> checkDate(LocalDate completedOn, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (completedOn == null) {
            problems.add("Give the date the course was completed.");
        } else if (completedOn.isAfter(today)) {
            problems.add("The date, " + day(completedOn) + ", is in the future.");
        } else if (completedOn.isBefore(EARLIEST)) {
            problems.add("The date, " + day(completedOn) + ", is before " + day(EARLIEST) + ": check the year.");
        }
        return problems;
    }

    private Course course(long courseId) {
        return courses.find(courseId).orElseThrow(() -> new RegisterNotFoundException("There is no course " + courseId + "."));
    }

    private Completion insert(Course course, long personId, LocalDate on, String evidence, Certificate certificate,
                              String type, String actor) {
        OffsetDateTime now = TrainingCourses.now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO training_completion (course_id, person_id, completed_on, evidence, certificate_name, "
                        + "certificate_type, certificate_size, recorded_by, recorded_at) "
                        + "VALUES (:c, :p, :on, :e, :name, :type, :size, :by, :at)")
                .param("c", course.id()).param("p", personId).param("on", on).param("e", evidence)
                .param("name", certificate == null ? null : UploadCheck.displayName(certificate.name(), 255))
                .param("type", type).param("size", certificate == null ? null : (long) certificate.content().length)
                .param("by", actor).param("at", now).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        if (certificate != null) {
            jdbc.sql("INSERT INTO training_certificate (completion_id, content) VALUES (:id, :content)")
                    .param("id", id).param("content", certificate.content()).update();
        }
        return find(id).orElseThrow();
    }

    private void audited(String action, Completion c, String actor, Map<String, Object> extra) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", c.personId());
        detail.put("courseId", c.courseId());
        detail.put("completedOn", c.completedOn().toString());
        detail.put("certificate", c.hasCertificate());
        detail.putAll(extra);
        audit.append(actor, action, RECORD_TYPE, Long.toString(c.id()), RegisterJson.of(detail));
    }

    private static String day(LocalDate day) {
        return SchoolTime.day(day);
    }

    private static final String SELECT = "SELECT * FROM training_completion";

    static Completion map(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("certificate_size");
        Long certificateSize = rs.wasNull() ? null : size;
        return new Completion(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("person_id"),
                rs.getObject("completed_on", LocalDate.class), rs.getString("evidence"), rs.getString("certificate_name"),
                rs.getString("certificate_type"), certificateSize, rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
