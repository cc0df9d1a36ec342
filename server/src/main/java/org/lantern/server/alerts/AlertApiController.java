package org.lantern.server.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.lantern.server.http.Problems;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Alerts for integrations (for example a school's safeguarding system polling for new ones) and
 * their triage: status, assignee and notes, with the same rules as the pages. Each alert returned
 * is logged as a look, as on the pages.
 */
@RestController
class AlertApiController {

    private static final int MAX_SIZE = 200;

    private final AlertRegister alerts;
    private final AlertTriage triage;
    private final OnCallEscalation onCall;

    AlertApiController(AlertRegister alerts, AlertTriage triage, OnCallEscalation onCall) {
        this.alerts = alerts;
        this.triage = triage;
        this.onCall = onCall;
    }

    /** Filters that could not be read. */
    static final class BadFilter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadFilter(String message) {
            super(message);
        }
    }

    /**
     * A change of status.
     *
     * @param status     {@code in-review} or {@code closed}
     * @param outcome    for {@code closed}: {@code no-further-action}, {@code false-positive}, {@code already-known}
     *                   or {@code escalated}
     * @param incidentId for {@code escalated}: the incident recorded about the alert
     * @param note       why (required for {@code closed})
     * @param exclusion  with {@code false-positive} on a safeguarding alert, optionally: a school
     *                   exclusion, so the alert's phrase no longer alerts in this context
     */
    record StatusRequest(String status, String outcome, Long incidentId, String note, ExclusionRequest exclusion) {
    }

    /**
     * @param context the words the phrase must not alert in (they hold the phrase), up to 200 characters
     * @param reason  why, kept with the library version
     */
    record ExclusionRequest(String context, String reason) {
    }

    /** @param assignee the account of a member of the DSL's team, or {@code null} for nobody */
    record AssigneeRequest(Long assignee) {
    }

    /** @param note the note, up to 2000 characters, kept as typed */
    record NoteRequest(String note) {
    }

    @GetMapping("/api/v1/alerts")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    @Operation(summary = "List filter alerts, newest first",
            description = "Alerts raised by the web filter (illegal content, 'Unacceptable and illegal' activities, "
                    + "persistent attempts to get round the filter), with who, what, when, the rule and list entry "
                    + "that decided, the policy version, the triage status, outcome and assignee and whether the DSL "
                    + "was emailed. Each alert returned is logged as seen by the caller.")
    AlertRegister.Page list(
            @Parameter(description = "new, in-review, closed or all (default all)") @RequestParam(defaultValue = "") String status,
            @Parameter(description = "ILLEGAL_CONTENT, ILLEGAL_ACTIVITY, PERSISTENT_BYPASS, SAFEGUARDING_RISK or SAFEGUARDING_ILLEGAL (default all)")
            @RequestParam(defaultValue = "") String kind,
            @Parameter(description = "First day, YYYY-MM-DD (UK time)") @RequestParam(defaultValue = "") String from,
            @Parameter(description = "Last day, YYYY-MM-DD (UK time), inclusive") @RequestParam(defaultValue = "") String to,
            @Parameter(description = "The assignee's account id, none for alerts nobody is assigned, or all (default)")
            @RequestParam(defaultValue = "") String assignee,
            @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Alerts per page, 1 to 200 (default 50)") @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        if (size < 1 || size > MAX_SIZE) {
            throw new BadFilter("size: must be from 1 to " + MAX_SIZE);
        }
        AlertFilters filters = AlertFilters.parse(status, kind, from, to, assignee, page, size);
        if (!filters.errors().isEmpty()) {
            throw new BadFilter(String.join(" ", filters.errors()));
        }
        return alerts.list(filters.query(), Viewer.of(user), Channel.API);
    }

    @PostMapping("/api/v1/alerts/{id}/status")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @Operation(summary = "Take an alert into review, or close it with an outcome",
            description = "new -> in-review -> closed; a new alert may also be closed at once. Closing needs an "
                    + "outcome and a note saying why; escalated needs the incidentId of the incident recorded about "
                    + "it, which the caller must be able to open, and links the two. A closed alert stays closed: "
                    + "closing it again is 409. A safeguarding alert closed as false-positive may carry an exclusion "
                    + "{context, reason}: the alert's phrase no longer alerts in that context (a new version of its "
                    + "category's library, audited), or nothing is changed. Returns the alert, logged as seen by the caller.")
    Alert status(@PathVariable long id, @RequestBody StatusRequest body, Authentication user) {
        Viewer viewer = Viewer.of(user);
        triage.change(id, () -> {
            AlertStatus to = body.status() == null ? null : AlertStatus.parse(body.status())
                    .orElseThrow(() -> new AlertRejectedException("Status: choose in-review or closed."));
            AlertOutcome outcome = body.outcome() == null || body.outcome().isBlank() ? null
                    : AlertOutcome.parse(body.outcome()).orElseThrow(() -> new AlertRejectedException(
                            "Outcome: choose no-further-action, false-positive, already-known or escalated."));
            AlertTriage.Exclusion exclusion = body.exclusion() == null ? null
                    : new AlertTriage.Exclusion(body.exclusion().context(), body.exclusion().reason());
            return new AlertTriage.Change(to, outcome, body.incidentId(), body.note(), exclusion);
        }, viewer);
        return alerts.read(id, viewer, Channel.API).orElseThrow(() -> new AlertNotFoundException(id));
    }

    @PostMapping("/api/v1/alerts/{id}/assignee")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @Operation(summary = "Assign an open alert to a member of the DSL's team, or to nobody",
            description = "assignee is the account id of an enabled DSL or deputy (anyone else is 400), or null. "
                    + "A closed alert is 409. Returns the alert, logged as seen by the caller.")
    Alert assignee(@PathVariable long id, @RequestBody AssigneeRequest body, Authentication user) {
        Viewer viewer = Viewer.of(user);
        triage.assign(id, body.assignee(), viewer);
        return alerts.read(id, viewer, Channel.API).orElseThrow(() -> new AlertNotFoundException(id));
    }

    @PostMapping("/api/v1/alerts/{id}/notes")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a note to an alert",
            description = "Notes are only ever added, with their author and time, on open and closed alerts alike; "
                    + "the text is kept exactly as sent (markup is text, never run) and audited by SHA-256.")
    AlertNote note(@PathVariable long id, @RequestBody NoteRequest body, Authentication user) {
        return triage.note(id, body.note(), Viewer.of(user));
    }

    /**
     * Acknowledges an alert sent down the on-call list, so no one else is told; acknowledging again
     * changes nothing. 409 when the alert was not sent to the on-call list.
     */
    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @Operation(summary = "Acknowledge an alert sent down the out-of-hours on-call list",
            description = "Stops the chain: no one else on the list is told. Acknowledging again changes nothing. "
                    + "409 when the alert was not sent to the on-call list. Returns where the chain stands.")
    OnCallEscalation.Status acknowledge(@PathVariable long id, Authentication user) {
        return onCall.acknowledge(id, Viewer.of(user));
    }

    @ExceptionHandler(BadFilter.class)
    ProblemDetail badFilter(BadFilter e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The alerts could not be listed", e.getMessage());
    }

    @ExceptionHandler(AlertNotFoundException.class)
    ProblemDetail notFound(AlertNotFoundException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Alert not found", e.getMessage());
    }

    @ExceptionHandler(AlertConflictException.class)
    ProblemDetail conflict(AlertConflictException e) {
        return Problems.titled(HttpStatus.CONFLICT, "The alert was not changed", e.getMessage());
    }

    @ExceptionHandler(AlertRejectedException.class)
    ProblemDetail rejected(AlertRejectedException e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The alert was not changed", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The alert was not changed",
                "The request body is not valid JSON of the expected shape.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badNumber(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
