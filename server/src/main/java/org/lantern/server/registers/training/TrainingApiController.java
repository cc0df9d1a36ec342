package org.lantern.server.registers.training;

import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterForms;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The training register's API: who is overdue or due, the courses, completions, a CSV import and export. */
@RestController
@RequestMapping("/api/v1/registers/training")
class TrainingApiController {

    private final TrainingRegister register;
    private final TrainingCourses courses;
    private final TrainingCompletions completions;
    private final TrainingCsvImport imports;

    TrainingApiController(TrainingRegister register, TrainingCourses courses, TrainingCompletions completions,
                          TrainingCsvImport imports) {
        this.register = register;
        this.courses = courses;
        this.completions = completions;
        this.imports = imports;
    }

    /**
     * One person's standing with one course.
     *
     * @param personId   who
     * @param name       their name
     * @param courseId   the course
     * @param course     its title
     * @param lastDone   when they last completed it, or null for never
     * @param dueOn      when it must be done by, or null when never taken
     * @param state      OVERDUE, DUE_SOON or UP_TO_DATE
     */
    record Standing(long personId, String name, long courseId, String course, String lastDone, String dueOn,
                    TrainingDue.State state) {
        static Standing of(TrainingDue d) {
            return new Standing(d.trainee().personId(), d.trainee().name(), d.course().id(), d.course().title(),
                    d.lastDone() == null ? null : d.lastDone().toString(), d.dueOn() == null ? null : d.dueOn().toString(),
                    d.state());
        }
    }

    /**
     * A completion to record or correct.
     *
     * @param personId    who (ignored on a correction)
     * @param courseId    which course (ignored on a correction)
     * @param completedOn the day, e.g. {@code 2026-09-01}
     * @param evidence    what shows it, optional
     */
    record CompletionBody(Long personId, Long courseId, String completedOn, String evidence) {
    }

    /**
     * A course to add or change.
     *
     * @param code          e.g. CYBER_SECURITY (ignored on a change)
     * @param title         e.g. "Cyber security"
     * @param renewalMonths months until it is due again, or null for once
     * @param roles         who must take it, e.g. ["STAFF", "GOVERNOR"]
     * @param forStarters   whether it is on the induction checklist
     */
    record CourseBody(String code, String title, Integer renewalMonths, Set<Role> roles, boolean forStarters) {
        TrainingCourses.CourseForm form() {
            return new TrainingCourses.CourseForm(code, title, renewalMonths, roles == null ? Set.of() : roles,
                    forStarters);
        }
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    @Operation(summary = "Who is overdue with which course",
            description = "Everyone on roll today with a course they must take (by role) that is past its renewal "
                    + "date or never taken; a starter has 30 days from their first day. Never-taken first.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"overdue":[{"personId":12,"name":"Sam Jones","courseId":5,"course":"Cyber security",\
                            "lastDone":"2025-09-01","dueOn":"2026-09-01","state":"OVERDUE"}]}"""))))
    Map<String, List<Standing>> overdue() {
        return Map.of("overdue", register.overdue(SchoolTime.today()).stream().map(Standing::of).toList());
    }

    @GetMapping("/due")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    @Operation(summary = "Who is due to renew a course soon",
            description = "Courses due within 60 days, soonest first.")
    Map<String, List<Standing>> due() {
        return Map.of("due", register.dueSoon(SchoolTime.today()).stream().map(Standing::of).toList());
    }

    @GetMapping("/courses")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    @Operation(summary = "The courses, who must take each and how often")
    Map<String, List<Course>> courses() {
        return Map.of("courses", courses.list());
    }

    @PostMapping("/courses")
    @PreAuthorize("hasAuthority('TRAINING_MANAGE')")
    @Operation(summary = "Add a course", description = "400 for a malformed course, 409 for a code already used.")
    ResponseEntity<Course> addCourse(@RequestBody CourseBody body, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(courses.create(body.form(), user.getName()));
    }

    @PutMapping("/courses/{id}")
    @PreAuthorize("hasAuthority('TRAINING_MANAGE')")
    @Operation(summary = "Change a course's title, renewal, roles and induction place (its code stays)")
    Course changeCourse(@PathVariable long id, @RequestBody CourseBody body, Authentication user) {
        return courses.update(id, body.form(), user.getName());
    }

    @GetMapping("/completions")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    @Operation(summary = "Completions, newest first, optionally of one person")
    Map<String, List<Completion>> completions(@RequestParam(required = false) Long personId) {
        return Map.of("completions", completions.list(personId));
    }

    @PostMapping("/completions")
    @PreAuthorize("hasAuthority('TRAINING_RECORD')")
    @Operation(summary = "Record a completion",
            description = "400 for a missing, malformed or future date or a person who takes no training; 404 for "
                    + "no such person or course; 409 when that completion is already recorded. Certificates are "
                    + "uploaded on the person's training page.")
    ResponseEntity<Completion> record(@RequestBody CompletionBody body, Authentication user) {
        if (body.personId() == null || body.courseId() == null) {
            throw RegisterException.of("Give the personId and the courseId.");
        }
        LocalDate today = SchoolTime.today();
        return ResponseEntity.status(HttpStatus.CREATED).body(completions.record(body.personId(), body.courseId(),
                RegisterForms.date(body.completedOn()), body.evidence(), null, user.getName(), today));
    }

    @PutMapping("/completions/{id}")
    @PreAuthorize("hasAuthority('TRAINING_RECORD')")
    @Operation(summary = "Correct a completion's date and evidence note")
    Completion correct(@PathVariable long id, @RequestBody CompletionBody body, Authentication user) {
        return completions.update(id, RegisterForms.date(body.completedOn()), body.evidence(), user.getName(), SchoolTime.today());
    }

    @PostMapping("/completions/import")
    @PreAuthorize("hasAuthority('TRAINING_RECORD')")
    @Operation(summary = "Import completions from CSV, all or none",
            description = "Columns: course (code or title), one of person id, staff code or email, completed on "
                    + "(2026-09-01 or 01/09/2026), evidence (optional). Any bad row: 400 listing every problem by "
                    + "line number, and nothing is recorded.")
    Map<String, Integer> importCsv(@RequestBody byte[] content, Authentication user) {
        return Map.of("imported", imports.importCsv(content, user.getName(), SchoolTime.today()));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('TRAINING_READ')")
    @Operation(summary = "The register as CSV: everyone, every course they must take, and where they stand")
    void export(HttpServletResponse response) throws IOException {
        LocalDate today = SchoolTime.today();
        TrainingExport.write(response, "all", today, register.statuses(today));
    }
}
