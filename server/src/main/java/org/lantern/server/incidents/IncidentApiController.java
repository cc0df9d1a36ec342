package org.lantern.server.incidents;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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
 * Incidents for integrations: the categories of both kinds (the safeguarding list's concerns and the
 * rows of the school's tables) with the actions each brings, recording with people in their roles,
 * reading one's own
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

    /**
     * A category as served: a concern or a table row, and the actions it brings.
     *
     * @param kind            {@code concern} or {@code misuse}
     * @param group           a concern's heading; null for a row
     * @param guidance        the guidance a concern's steps follow; null for a row
     * @param illegalMaterial whether records of it follow the illegal-material path
     */
    record CategoryJson(String id, IncidentType kind, String text, String group, String guidance, boolean illegalMaterial,
                        List<ActionJson> actions) {
    }

    /**
     * An action a category brings.
     *
     * @param appliesTo {@code misuser} (one for each misuser), {@code at-risk} (one for each child
     *                  at risk) or {@code record} (once)
     */
    record ActionJson(String id, String text, String appliesTo) {
    }

    /** A person on a new record: {@code role} is {@code at-risk}, {@code misuser}, {@code witness} or {@code reporter}. */
    record PersonJson(Long personId, String role) {
    }

    /**
     * The body of {@code POST /api/v1/incidents}: {@code people} with roles, or the first shape's
     * {@code subjectIds}, taken as misusers.
     */
    record NewIncidentJson(String type, String subjectType, String categoryId, String sanctionId, List<PersonJson> people,
                           List<Long> subjectIds, OffsetDateTime occurredAt, String location, String description,
                           String childWords, List<String> links, String recordKind, Boolean suspectedIllegal) {
    }

    /** The body of the investigation request. */
    record InvestigationJson(List<Long> seniorStaffAccountIds, String designatedComputer, String outcome, Boolean close) {
    }

    /** The body of the complete and waive requests. */
    record OutcomeJson(String outcome, String reason) {
    }

    /** The body of the add-action request; {@code personId} names a misuser or a child at risk on the record. */
    record AddActionJson(String columnId, Long personId, String reason) {
    }

    /** The body of the raise and lower requests. */
    record ReasonJson(String reason) {
    }

    /**
     * The categories of one kind with the actions each brings: {@code kind=concern} the safeguarding
     * list (whatever the subject: a concern is about a child), {@code kind=misuse} (the default, as in
     * the first version of this API) the subject type's table, which {@code subject} then requires.
     */
    @Operation(summary = "Categories of one kind with the actions each brings",
            description = "kind=concern: the policy's safeguarding list (steps for the record, or for each child at "
                    + "risk); kind=misuse (default): the rows of the subject's Actions / Sanctions table (actions for "
                    + "each misuser). Each action says whom it applies to: record, at-risk or misuser.")
    @GetMapping("/incident-categories")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    List<CategoryJson> categories(@RequestParam(required = false) String kind, @RequestParam(required = false) String subject) {
        IncidentType type = kind == null ? IncidentType.MISUSE : IncidentType.parse(kind)
                .orElseThrow(() -> new IncidentRejectedException(List.of("kind must be concern or misuse.")));
        SubjectType whose = subject == null && type == IncidentType.CONCERN ? SubjectType.PUPIL : SubjectType.parse(subject)
                .orElseThrow(() -> new IncidentRejectedException(List.of("subject must be pupil or staff.")));
        return categories.of(type, whose).stream().map(c -> new CategoryJson(c.id(), c.type(), c.text(), c.group(),
                c.guidance(), c.concernsIllegalMaterial(), c.actions().stream().map(a -> new ActionJson(a.id(), a.text(),
                        a.appliesTo() == null ? "record" : a.appliesTo().code())).toList())).toList();
    }

    @Operation(summary = "Record a concern or misuse",
            description = "type concern|misuse; people: [{personId, role}] with role at-risk, misuser, witness or "
                    + "reporter (subjectIds still accepted, as misusers); a concern needs recordKind and may take "
                    + "sanctionId, a table row applied to its misusers. Returns the record, each action naming the "
                    + "person it concerns (personId, personName; null for the record's own steps).")
    @PostMapping("/incidents")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<Incident> record(@RequestBody NewIncidentJson body, Authentication user) {
        Incident incident = incidents.record(IncidentRequests.fromJson(body), Viewer.of(user));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(incident);
    }

    @Operation(summary = "Make a record child protection", description = "Anyone who may read the record; reason optional; audited.")
    @PostMapping("/incidents/{id}/raise")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    Incident raise(@PathVariable long id, @RequestBody(required = false) ReasonJson body, Authentication user) {
        visible(id, user);
        return incidents.reclassify(id, RecordKind.CHILD_PROTECTION, body == null ? null : body.reason(), Viewer.of(user));
    }

    @Operation(summary = "Make a child-protection record behaviour again", description = "The DSL and deputies only, with a reason; audited.")
    @PostMapping("/incidents/{id}/lower")
    @PreAuthorize("hasAuthority('CHILD_PROTECTION_READ')")
    Incident lower(@PathVariable long id, @RequestBody(required = false) ReasonJson body, Authentication user) {
        visible(id, user);
        return incidents.reclassify(id, RecordKind.BEHAVIOUR, body == null ? null : body.reason(), Viewer.of(user));
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
        visibleAction(id, actionId, user);
        return incidents.complete(id, actionId, body.outcome(), user.getName());
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/waive")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident waive(@PathVariable long id, @PathVariable long actionId, @RequestBody OutcomeJson body,
                   Authentication user) {
        visibleAction(id, actionId, user);
        return incidents.waive(id, actionId, body.reason(), user.getName());
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/not-referred")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    Incident notReferred(@PathVariable long id, @PathVariable long actionId, @RequestBody OutcomeJson body,
                         Authentication user) {
        visibleAction(id, actionId, user);
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
        return incidents.addAction(id, body.columnId(), body.personId(), body.reason(), user.getName());
    }

    private Incident visible(long id, Authentication user) {
        return incidents.read(id, Viewer.of(user), Channel.API).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    /** The incident if the caller may read it and it holds the action: its look is logged as allowed only then. */
    private Incident visibleAction(long id, long actionId, Authentication user) {
        return incidents.readWithAction(id, actionId, Viewer.of(user), Channel.API)
                .orElseThrow(() -> new IncidentNotFoundException(id));
    }
}
