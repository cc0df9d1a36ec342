package org.lantern.server.incidents;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A record's case for integrations: read it with its history, and change its status, priority,
 * owner, review date and each action's owner, and choose a pupil's report's concern. Reading needs the record (a 404, logged, otherwise);
 * changing needs the DSL's team or the case's owner (a 403, audited, otherwise).
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
@Tag(name = "Cases", description = "Each incident's case: status, priority, a named owner, a review date and action owners")
class CaseApiController {

    private final IncidentService incidents;
    private final CaseService cases;
    private final CaseHistory history;

    CaseApiController(IncidentService incidents, CaseService cases, CaseHistory history) {
        this.incidents = incidents;
        this.cases = cases;
        this.history = history;
    }

    /** A case with its record's history. */
    record CaseJson(@JsonProperty("case") Case kase, List<ChronologyEntry> history) {
    }

    /** The body of the status change: {@code outcome} to close, {@code reason} to reopen, {@code note} otherwise. */
    record StatusJson(String status, String outcome, String reason, String note) {
        String text() {
            return outcome != null ? outcome : reason != null ? reason : note;
        }
    }

    /** The body of the priority change. */
    record PriorityJson(String priority) {
    }

    /** The body of an owner change; {@code accountId} null names nobody. */
    record OwnerJson(Long accountId) {
    }

    /** The body of the review-date change; {@code reviewOn} null clears it. */
    record ReviewJson(LocalDate reviewOn) {
    }

    /** The body of choosing a pupil's report's concern: a concern id of the safeguarding list. */
    record ChosenCategoryJson(String category) {
    }

    @PostMapping("/category")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "Choose a pupil's report's concern from the safeguarding list (once)",
            description = "The DSL or a deputy who may change the case; the concern's steps become tracked actions "
                    + "for the record and each child at risk; audited, and one event in the case history.")
    Incident category(@PathVariable long id, @RequestBody ChosenCategoryJson body, Authentication user) {
        visible(id, user);
        return cases.chooseCategory(id, body.category(), CaseActor.of(user));
    }

    @GetMapping("/case")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "The record's case and its history (status, priority, owners, review date, events)")
    CaseJson read(@PathVariable long id, Authentication user) {
        Incident incident = visible(id, user);
        return new CaseJson(cases.of(incident), history.of(incident));
    }

    @PostMapping("/case/status")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "Open, monitor or close the case: closing needs an outcome and no open action, reopening a reason")
    Case status(@PathVariable long id, @RequestBody StatusJson body, Authentication user) {
        visible(id, user);
        CaseStatus to = CaseStatus.parse(body.status()).orElseThrow(() -> new IncidentRejectedException(
                List.of("status must be open, monitoring or closed.")));
        return cases.changeStatus(id, to, body.text(), CaseActor.of(user));
    }

    @PostMapping("/case/priority")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "Set the case's priority: low, medium, high or urgent")
    Case priority(@PathVariable long id, @RequestBody PriorityJson body, Authentication user) {
        visible(id, user);
        CasePriority to = CasePriority.parse(body.priority()).orElseThrow(() -> new IncidentRejectedException(
                List.of("priority must be low, medium, high or urgent.")));
        return cases.changePriority(id, to, CaseActor.of(user));
    }

    @PostMapping("/case/owner")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "Name the case's owner (an account that may read the record), or nobody")
    Case owner(@PathVariable long id, @RequestBody OwnerJson body, Authentication user) {
        visible(id, user);
        return cases.changeOwner(id, body.accountId(), CaseActor.of(user));
    }

    @PostMapping("/case/review")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "Set the day to review the case (ISO date, not in the past), or clear it")
    Case review(@PathVariable long id, @RequestBody ReviewJson body, Authentication user) {
        visible(id, user);
        return cases.changeReview(id, body.reviewOn(), CaseActor.of(user));
    }

    @PostMapping("/actions/{actionId}/owner")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    @Operation(summary = "Name the person who does an open action, or nobody (the DSL's team)")
    Case actionOwner(@PathVariable long id, @PathVariable long actionId, @RequestBody OwnerJson body, Authentication user) {
        // The look at the incident is logged as allowed only if it holds the action.
        incidents.readWithAction(id, actionId, Viewer.of(user), Channel.API)
                .orElseThrow(() -> new IncidentNotFoundException(id));
        return cases.changeActionOwner(id, actionId, body.accountId(), CaseActor.of(user));
    }

    private Incident visible(long id, Authentication user) {
        return incidents.read(id, Viewer.of(user), Channel.API).orElseThrow(() -> new IncidentNotFoundException(id));
    }
}
