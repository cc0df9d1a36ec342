package org.lantern.server.incidents;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.lantern.policy.Column;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents for integrations: the categories of the school's tables, recording, reading one's own
 * (or, for the DSL's team, any) incident, and working its actions. Errors are problem details; an
 * incident the caller may not see is a 404, logged as a denied look.
 */
@RestController
@RequestMapping("/api/v1")
class IncidentApiController {

    private final IncidentService incidents;
    private final IncidentCategories categories;
    private final Investigations investigations;

    IncidentApiController(IncidentService incidents, IncidentCategories categories, Investigations investigations) {
        this.incidents = incidents;
        this.categories = categories;
        this.investigations = investigations;
    }

    /** A category as served: the row text and the actions it requires. */
    record CategoryJson(String id, String text, List<Column> actions) {
    }

    /** The body of {@code POST /api/v1/incidents}. */
    record NewIncidentJson(String subjectType, String categoryId, List<Long> subjectIds, OffsetDateTime occurredAt,
                           String location, String description, String childWords, List<String> links,
                           String recordKind, Boolean suspectedIllegal) {
    }

    /** The body of the investigation request. */
    record InvestigationJson(List<Long> seniorStaffAccountIds, String designatedComputer, String outcome, Boolean close) {
    }

    /** The body of the complete and waive requests. */
    record OutcomeJson(String outcome, String reason) {
    }

    /** The body of the add-action request. */
    record AddActionJson(String columnId, String reason) {
    }

    @GetMapping("/incident-categories")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    List<CategoryJson> categories(@RequestParam String subject) {
        SubjectType type = SubjectType.parse(subject)
                .orElseThrow(() -> new IncidentRejectedException(List.of("subject must be pupil or staff.")));
        return categories.of(type).stream().map(c -> new CategoryJson(c.id(), c.text(), c.actions())).toList();
    }

    @PostMapping("/incidents")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<Incident> record(@RequestBody NewIncidentJson body, Authentication user) {
        SubjectType type = null;
        if (body.subjectType() != null) {
            type = SubjectType.parse(body.subjectType())
                    .orElseThrow(() -> new IncidentRejectedException(List.of("subjectType must be pupil or staff.")));
        }
        RecordKind kind = null;
        if (body.recordKind() != null) {
            kind = RecordKind.parse(body.recordKind()).orElseThrow(() -> new IncidentRejectedException(
                    List.of("recordKind must be behaviour or child-protection.")));
        }
        Incident incident = incidents.record(new NewIncident(type, body.categoryId(), body.subjectIds(), body.occurredAt(),
                body.location(), body.description(), body.childWords(), body.links(), kind,
                Boolean.TRUE.equals(body.suspectedIllegal())), Viewer.of(user));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(incident);
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    Incident one(@PathVariable long id, Authentication user) {
        return visible(id, user);
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/complete")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident complete(@PathVariable long id, @PathVariable long actionId, @RequestBody OutcomeJson body,
                      Authentication user) {
        visible(id, user);
        return incidents.complete(id, actionId, body.outcome(), user.getName());
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/waive")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident waive(@PathVariable long id, @PathVariable long actionId, @RequestBody OutcomeJson body,
                   Authentication user) {
        visible(id, user);
        return incidents.waive(id, actionId, body.reason(), user.getName());
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/not-referred")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident notReferred(@PathVariable long id, @PathVariable long actionId, @RequestBody OutcomeJson body,
                         Authentication user) {
        visible(id, user);
        return incidents.decideNotToRefer(id, actionId, body.reason(), user.getName());
    }

    @PostMapping("/incidents/{id}/investigation")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident investigation(@PathVariable long id, @RequestBody InvestigationJson body, Authentication user) {
        visible(id, user);
        return investigations.save(id, new Investigations.Update(body.seniorStaffAccountIds(), body.designatedComputer(),
                body.outcome(), Boolean.TRUE.equals(body.close())), user.getName());
    }

    @PostMapping("/incidents/{id}/actions")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident addAction(@PathVariable long id, @RequestBody AddActionJson body, Authentication user) {
        visible(id, user);
        return incidents.addAction(id, body.columnId(), body.reason(), user.getName());
    }

    private Incident visible(long id, Authentication user) {
        return incidents.read(id, Viewer.of(user), Channel.API).orElseThrow(() -> new IncidentNotFoundException(id));
    }
}
