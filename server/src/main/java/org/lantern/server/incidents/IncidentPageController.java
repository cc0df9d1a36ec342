package org.lantern.server.incidents;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident pages: the list of behaviour records (one's own, or all for the DSL's team), the
 * separate list of child-protection records (the DSL and deputies), the recording form and an
 * incident with its actions, its escalation and, on the illegal-material path, its investigation.
 * The form works without JavaScript: "Search" re-renders it with the people found and the
 * categories for the chosen subject type, keeping everything typed.
 */
@Controller
@RequestMapping("/incidents")
class IncidentPageController {

    private static final int SEARCH_SIZE = 20;

    private final IncidentService incidents;
    private final IncidentCategories categories;
    private final People people;
    private final IncidentRules rules;
    private final Investigations investigations;
    private final CasePanel casePanel;

    IncidentPageController(IncidentService incidents, IncidentCategories categories, People people, IncidentRules rules,
                           Investigations investigations, CasePanel casePanel) {
        this.incidents = incidents;
        this.categories = categories;
        this.people = people;
        this.rules = rules;
        this.investigations = investigations;
        this.casePanel = casePanel;
    }

    /**
     * The recording form as submitted.
     *
     * @param type            {@code concern} or {@code misuse}
     * @param subject         PUPIL or STAFF: whom to search for, and whose table the sanctions rows are from
     * @param q               the name searched for
     * @param subjectIds      people ticked in the first version of the form: misusers
     * @param personIds       the people shown, in order
     * @param roles           each shown person's role ({@code at-risk}, {@code misuser}, {@code witness},
     *                        {@code reporter}), or empty for someone not on the record
     * @param occurredAt      a {@code datetime-local} value, school time
     * @param location        where
     * @param description     what happened
     * @param childWords      the child's own words
     * @param concernCategory the concern chosen from the safeguarding list
     * @param category        the sanctions row chosen: misuse's category, or a concern's sanction for its misusers
     * @param links           links or devices, one a line
     * @param kind            BEHAVIOUR or CHILD_PROTECTION: no default, so it is always a choice
     * @param illegal         ticked when the recorder suspects illegal material
     * @param step            {@code search} or {@code record}
     */
    record IncidentForm(String type, String subject, String q, List<Long> subjectIds, List<Long> personIds,
                        List<String> roles, String occurredAt, String location, String description, String childWords,
                        String concernCategory, String category, String links, String kind, Boolean illegal,
                        String step) {
        IncidentForm {
            subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
            personIds = personIds == null ? List.of() : List.copyOf(personIds);
            roles = roles == null ? List.of() : roles.stream().map(r -> r == null ? "" : r).toList();
        }

        SubjectType subjectType() {
            return SubjectType.parse(subject).orElse(SubjectType.PUPIL);
        }

        public IncidentType incidentType() {
            return IncidentType.parse(type).orElse(null);
        }

        public RecordKind recordKind() {
            return RecordKind.parse(kind).orElse(null);
        }

        /** The role chosen for this person, if they are on the record. */
        public String roleOf(long personId) {
            int at = personIds.indexOf(personId);
            String role = at >= 0 && at < roles.size() ? roles.get(at) : "";
            return role.isEmpty() && subjectIds.contains(personId) ? PersonRole.MISUSER.code() : role;
        }

        /** The people on the record, in their roles. */
        List<NewIncident.Involved> involved() {
            List<NewIncident.Involved> involved = new ArrayList<>();
            for (long id : people()) {
                PersonRole.parse(roleOf(id)).ifPresent(role -> involved.add(new NewIncident.Involved(id, role)));
            }
            return involved;
        }

        /** Everyone the form holds, shown or ticked, once each. */
        List<Long> people() {
            return java.util.stream.Stream.concat(personIds.stream(), subjectIds.stream()).distinct().toList();
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String owner,
                Authentication user, Model model) {
        Viewer viewer = Viewer.of(user);
        model.addAttribute("rows", incidents.list(viewer, casePanel.rows(status, owner, viewer.accountId())));
        model.addAttribute("all", viewer.readAll());
        return listPage(false, status, owner, model);
    }

    @GetMapping("/child-protection")
    @PreAuthorize("hasAuthority('CHILD_PROTECTION_READ')")
    String childProtection(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String owner,
                           Authentication user, Model model) {
        Viewer viewer = Viewer.of(user);
        model.addAttribute("rows", incidents.listChildProtection(viewer, casePanel.rows(status, owner, viewer.accountId())));
        model.addAttribute("all", true);
        return listPage(true, status, owner, model);
    }

    private static String listPage(boolean childProtection, String status, String owner, Model model) {
        model.addAttribute("childProtection", childProtection);
        model.addAttribute("filtered", !status.isBlank() || !owner.isBlank());
        return "incidents/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String form(@ModelAttribute("form") IncidentForm form, Model model) {
        return showForm(form, List.of(), model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String record(@ModelAttribute("form") IncidentForm form, Authentication user, Model model,
                  RedirectAttributes redirect) {
        if (!"record".equals(form.step())) {
            return showForm(form, List.of(), model);
        }
        List<String> problems = new ArrayList<>();
        OffsetDateTime occurred = null;
        if (form.occurredAt() != null && !form.occurredAt().isBlank()) {
            try {
                occurred = LocalDateTime.parse(form.occurredAt()).atZone(SchoolTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                problems.add("When it happened must be a date and time, e.g. 2025-03-14T10:30.");
            }
        }
        if (!problems.isEmpty()) {
            return showForm(form, problems, model);
        }
        try {
            Viewer viewer = Viewer.of(user);
            IncidentType type = form.incidentType();
            boolean concern = type == IncidentType.CONCERN;
            Incident incident = incidents.record(new NewIncident(type, form.subjectType(),
                    concern ? form.concernCategory() : form.category(), concern ? form.category() : null, form.involved(),
                    occurred, form.location(), form.description(), form.childWords(),
                    form.links() == null ? List.of() : form.links().lines().toList(), form.recordKind(),
                    Boolean.TRUE.equals(form.illegal())),
                    viewer);
            if (!viewer.mayRead(incident)) {
                // A child-protection record is kept from its own recorder too: say where it went instead.
                redirect.addFlashAttribute("message", "Recorded as a child-protection record (number " + incident.id()
                        + ") and passed to the DSL. Only the DSL and deputies can open child-protection records."
                        + (incident.illegalPath() ? " Do not open, copy or forward the material; isolate the device "
                        + "and make sure the DSL knows now: the police must be told." : ""));
                return "redirect:/incidents";
            }
            return "redirect:/incidents/" + incident.id() + "?recorded";
        } catch (IncidentRejectedException e) {
            return showForm(form, e.problems(), model);
        }
    }

    private String showForm(IncidentForm form, List<String> problems, Model model) {
        SubjectType type = form.subjectType();
        Map<Long, Person> shown = new LinkedHashMap<>();
        form.people().forEach(id -> people.find(id).ifPresent(p -> shown.put(p.id(), p)));
        if (form.q() != null && !form.q().isBlank()) {
            people.search(form.q(), type.kind(), null, 0, SEARCH_SIZE).people().forEach(p -> shown.putIfAbsent(p.id(), p));
        }
        model.addAttribute("subjectTypes", SubjectType.values());
        model.addAttribute("incidentTypes", IncidentType.values());
        model.addAttribute("personRoles", PersonRole.values());
        model.addAttribute("recordKinds", RecordKind.values());
        model.addAttribute("subjectType", type);
        model.addAttribute("categories", categories.of(type));
        model.addAttribute("concerns", categories.concernsByGroup());
        model.addAttribute("people", List.copyOf(shown.values()));
        model.addAttribute("searched", form.q() != null && !form.q().isBlank());
        model.addAttribute("problems", problems);
        return "incidents/new";
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String incident(@PathVariable long id, Authentication user, Model model) {
        Incident incident = visible(id, user);
        model.addAttribute("incident", incident);
        model.addAttribute("columns", categories.columns(incident.subjectType()));
        model.addAttribute("concernSteps", incident.type() == IncidentType.CONCERN ? categories.concernSteps() : List.of());
        model.addAttribute("personRoles", PersonRole.values());
        model.addAttribute("referrals", rules.referralColumns());
        model.addAttribute("escalationDays", rules.escalationPeriod().toDays());
        model.addAttribute("recordKinds", RecordKind.values());
        model.addAttribute("uncategorisedReport", incident.source() == IncidentSource.PUPIL_REPORT
                && ConcernReports.CATEGORY_ID.equals(incident.categoryId()));
        model.addAttribute("concerns", categories.concernsByGroup());
        if (incident.investigation() != null) {
            model.addAttribute("seniorStaff", investigations.seniorStaff());
        }
        return "incidents/detail";
    }

    @PostMapping("/{id:\\d+}/actions/{actionId:\\d+}/complete")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String complete(@PathVariable long id, @PathVariable long actionId, @RequestParam(defaultValue = "") String outcome,
                    Authentication user, RedirectAttributes redirect) {
        visibleAction(id, actionId, user);
        return act(id, redirect, "Action completed.", () -> incidents.complete(id, actionId, outcome, user.getName()));
    }

    @PostMapping("/{id:\\d+}/actions/{actionId:\\d+}/waive")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String waive(@PathVariable long id, @PathVariable long actionId, @RequestParam(defaultValue = "") String reason,
                 Authentication user, RedirectAttributes redirect) {
        visibleAction(id, actionId, user);
        return act(id, redirect, "Action waived.", () -> incidents.waive(id, actionId, reason, user.getName()));
    }

    @PostMapping("/{id:\\d+}/actions/{actionId:\\d+}/not-referred")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String notReferred(@PathVariable long id, @PathVariable long actionId, @RequestParam(defaultValue = "") String reason,
                       Authentication user, RedirectAttributes redirect) {
        visibleAction(id, actionId, user);
        return act(id, redirect, "Decision not to refer recorded.",
                () -> incidents.decideNotToRefer(id, actionId, reason, user.getName()));
    }

    @PostMapping("/{id:\\d+}/kind")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String reclassify(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                      @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        visible(id, user);
        RecordKind to = RecordKind.parse(kind).orElse(null);
        return act(id, redirect, "Record moved.", () -> incidents.reclassify(id, to, reason, Viewer.of(user)));
    }

    /** Anyone who may read a behaviour record may make it child protection; they may then no longer read it. */
    @PostMapping("/{id:\\d+}/raise")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String raise(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                 RedirectAttributes redirect) {
        visible(id, user);
        Viewer viewer = Viewer.of(user);
        try {
            incidents.reclassify(id, RecordKind.CHILD_PROTECTION, reason, viewer);
        } catch (IncidentRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/incidents/" + id;
        }
        if (!viewer.childProtection()) {
            redirect.addFlashAttribute("message", "Record " + id + " is now a child-protection record and has gone to "
                    + "the DSL. Only the DSL and deputies can open child-protection records.");
            return "redirect:/incidents";
        }
        redirect.addFlashAttribute("message", "Now a child-protection record.");
        return "redirect:/incidents/" + id;
    }

    /** Only the DSL or a deputy may make a child-protection record a behaviour record again, with a reason. */
    @PostMapping("/{id:\\d+}/lower")
    @PreAuthorize("hasAuthority('CHILD_PROTECTION_READ')")
    String lower(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                 RedirectAttributes redirect) {
        visible(id, user);
        return act(id, redirect, "Now a behaviour record.",
                () -> incidents.reclassify(id, RecordKind.BEHAVIOUR, reason, Viewer.of(user)));
    }

    @PostMapping("/{id:\\d+}/investigation")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String investigation(@PathVariable long id, @RequestParam(required = false) List<Long> seniorStaff,
                         @RequestParam(defaultValue = "") String designatedComputer,
                         @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "save") String step,
                         Authentication user, RedirectAttributes redirect) {
        visible(id, user);
        boolean close = "close".equals(step);
        try {
            investigations.save(id, new Investigations.Update(seniorStaff, designatedComputer, outcome, close), user.getName());
            redirect.addFlashAttribute("message", close ? "Investigation closed." : "Investigation saved.");
        } catch (IncidentRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
            // Nothing typed is lost: the form is filled in again from what was sent.
            redirect.addFlashAttribute("investigationForm", new Investigations.Update(seniorStaff, designatedComputer,
                    outcome, close));
        }
        return "redirect:/incidents/" + id + "#investigation";
    }

    @PostMapping("/{id:\\d+}/actions")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String addAction(@PathVariable long id, @RequestParam(defaultValue = "") String columnId,
                     @RequestParam(required = false) Long personId, @RequestParam(defaultValue = "") String reason,
                     Authentication user, RedirectAttributes redirect) {
        visible(id, user);
        return act(id, redirect, "Action added.", () -> incidents.addAction(id, columnId, personId, reason,
                user.getName()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (IncidentRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ActionClosedException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        } catch (IncidentNotFoundException e) {
            // An action of another incident: answered as a missing incident is, so the id tells nothing.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/incidents/" + id + "#actions";
    }

    private Incident visible(long id, Authentication user) {
        return incidents.read(id, Viewer.of(user), Channel.PAGE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The incident if the user may read it and it holds the action: its look is logged as allowed only then. */
    private Incident visibleAction(long id, long actionId, Authentication user) {
        return incidents.readWithAction(id, actionId, Viewer.of(user), Channel.PAGE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
