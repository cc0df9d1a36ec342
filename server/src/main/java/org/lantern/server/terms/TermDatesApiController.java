package org.lantern.server.terms;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The term dates page's API ({@code /settings/term-dates}) for scripts that load a year's dates:
 * read the terms, INSET days and closures and the school's days and hours, add, change and remove terms
 * and closures, and choose the days and hours. SCHOOL_CALENDAR_MANAGE, as for the page. It checks
 * and audits as the page does, through the same services: a refusal is 400 with every problem and
 * nothing saved; a term or closure that is not there is 404.
 */
@RestController
@RequestMapping("/api/v1/settings/term-dates")
@PreAuthorize("hasAuthority('SCHOOL_CALENDAR_MANAGE')")
class TermDatesApiController {

    private final TermDates terms;
    private final SchoolHoursSetting hours;

    TermDatesApiController(TermDates terms, SchoolHoursSetting hours) {
        this.terms = terms;
        this.hours = hours;
    }

    /**
     * The calendar as kept.
     *
     * @param terms       the terms, earliest first
     * @param closures    the INSET days and closures, earliest first
     * @param schoolHours the school's days and hours in force
     */
    record Calendar(List<SchoolTerm> terms, List<SchoolClosure> closures, Hours schoolHours) {
    }

    /**
     * School days and hours.
     *
     * @param days          the open weekdays, MONDAY first
     * @param start         when the school day starts, e.g. 08:00 (school time, Europe/London)
     * @param end           when it ends
     * @param startingValue whether no one has chosen yet, so these are the installation's
     */
    record Hours(List<String> days, String start, String end, boolean startingValue) {
    }

    /** A term to add or change to; dates as 2026-09-03 or 3/9/2026, the half-term's both or neither. */
    record TermBody(String name, String startsOn, String endsOn, String halfTermStart, String halfTermEnd) {
    }

    /** An INSET day or closure to add or change to; {@code lastDay} empty for one day. */
    record ClosureBody(String kind, String name, String firstDay, String lastDay) {
    }

    /** New school days and hours, with the reason kept in their history. */
    record HoursBody(List<String> days, String start, String end, String reason) {
    }

    /** One choice of the days and hours, for the history. */
    record HoursChoice(List<String> days, String start, String end, String chosenBy, Instant chosenAt, String reason) {
    }

    @GetMapping
    @Operation(summary = "The school's terms, INSET days and closures, and its days and hours",
            description = "Dates as 2026-09-03; a term's halfTermStart and halfTermEnd are null when it has none.")
    Calendar calendar() {
        SchoolCalendar calendar = terms.calendar();
        return new Calendar(calendar.terms(), calendar.closures(), hours());
    }

    @PostMapping("/terms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a term",
            description = "Checked as on the page: dates that are not dates, a last day before the first, a term "
                    + "over 26 weeks, a half-term outside its term or given by one day only, a term overlapping "
                    + "another are 400 listing every problem, and nothing is saved. Audited (term-dates.term-added).")
    SchoolTerm addTerm(@RequestBody(required = false) TermBody body, Authentication user) {
        TermBody b = body == null ? new TermBody(null, null, null, null, null) : body;
        return terms.addTerm(b.name(), b.startsOn(), b.endsOn(), b.halfTermStart(), b.halfTermEnd(), user.getName());
    }

    @PostMapping("/closures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an INSET day or closure",
            description = "kind INSET or HOLIDAY; lastDay empty for one day, at most 31 days. 400 listing every "
                    + "problem, nothing saved. Audited (term-dates.closure-added).")
    SchoolClosure addClosure(@RequestBody(required = false) ClosureBody body, Authentication user) {
        ClosureBody b = body == null ? new ClosureBody(null, null, null, null) : body;
        return terms.addClosure(b.kind(), b.name(), b.firstDay(), b.lastDay(), user.getName());
    }

    @PutMapping("/terms/{id}")
    @Operation(summary = "Change a term in place",
            description = "The same fields and checks as adding one; the term may overlap only what it was. 400 "
                    + "listing every problem, nothing saved; 404 when there is no such term. Audited with what it was "
                    + "and what it is now (term-dates.term-changed).")
    SchoolTerm updateTerm(@PathVariable long id, @RequestBody(required = false) TermBody body, Authentication user) {
        TermBody b = body == null ? new TermBody(null, null, null, null, null) : body;
        return terms.updateTerm(id, b.name(), b.startsOn(), b.endsOn(), b.halfTermStart(), b.halfTermEnd(),
                user.getName()).orElseThrow(() -> noTerm(id));
    }

    @PutMapping("/closures/{id}")
    @Operation(summary = "Change an INSET day or closure in place",
            description = "The same fields and checks as adding one. 400 listing every problem, nothing saved; 404 "
                    + "when there is no such closure. Audited with what it was and what it is now "
                    + "(term-dates.closure-changed).")
    SchoolClosure updateClosure(@PathVariable long id, @RequestBody(required = false) ClosureBody body,
                                Authentication user) {
        ClosureBody b = body == null ? new ClosureBody(null, null, null, null) : body;
        return terms.updateClosure(id, b.kind(), b.name(), b.firstDay(), b.lastDay(), user.getName())
                .orElseThrow(() -> noClosure(id));
    }

    @DeleteMapping("/terms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a term", description = "404 when there is no such term. Audited (term-dates.term-removed).")
    void removeTerm(@PathVariable long id, Authentication user) {
        if (!terms.removeTerm(id, user.getName())) {
            throw noTerm(id);
        }
    }

    @DeleteMapping("/closures/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an INSET day or closure",
            description = "404 when there is no such closure. Audited (term-dates.closure-removed).")
    void removeClosure(@PathVariable long id, Authentication user) {
        if (!terms.removeClosure(id, user.getName())) {
            throw noClosure(id);
        }
    }

    private static ResponseStatusException noTerm(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no term " + id + ".");
    }

    private static ResponseStatusException noClosure(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no INSET day or closure " + id + ".");
    }

    @GetMapping("/school-hours/history")
    @Operation(summary = "Who chose the school's days and hours, when and why, newest first")
    List<HoursChoice> hoursHistory() {
        return hours.history().stream().map(c -> new HoursChoice(days(c.hours()), c.hours().start().toString(),
                c.hours().end().toString(), c.by(), c.at(), c.reason())).toList();
    }

    @PutMapping("/school-hours")
    @Operation(summary = "Choose the school's days and hours",
            description = "Send {\"days\": [\"MONDAY\", ...], \"start\": \"08:00\", \"end\": \"15:30\", \"reason\": \"...\"}: "
                    + "at least one day, an end after the start and a reason, else 400 listing every problem and "
                    + "nothing changed. In force at once for the on-call list and the daily digest; kept in the "
                    + "history and audited (term-dates.school-hours-chosen).")
    Hours chooseHours(@RequestBody(required = false) HoursBody body, Authentication user) {
        HoursBody b = body == null ? new HoursBody(null, null, null, null) : body;
        hours.choose(b.days(), b.start(), b.end(), b.reason(), user.getName());
        return hours();
    }

    private Hours hours() {
        SchoolHours now = hours.current();
        return new Hours(days(now), now.start().toString(), now.end().toString(), hours.history().isEmpty());
    }

    private static List<String> days(SchoolHours h) {
        return h.days().stream().sorted().map(Enum::name).toList();
    }

    @ExceptionHandler(TermDatesRejectedException.class)
    ProblemDetail rejected(TermDatesRejectedException e) {
        ProblemDetail problem = Problems.titled(HttpStatus.BAD_REQUEST, "Not saved", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail notFound(ResponseStatusException e) {
        return Problems.titled(HttpStatus.valueOf(e.getStatusCode().value()), "Not found", e.getReason());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return Problems.titled(HttpStatus.BAD_REQUEST, "Not saved",
                "The request body is not valid JSON of the expected shape (dates as 2026-09-03, times as 08:00).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
