package org.lantern.server.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alerts pages for the DSL's team and the headteacher: the list with filters, one alert (its
 * email, its triage and notes, who has seen it, a link to escalate it to an incident) and one
 * person's alerts together. Reading needs INCIDENT_READ_ALL; triage ({@link AlertTriagePageController})
 * needs INCIDENT_MANAGE, as for incidents.
 */
@Controller
@RequestMapping("/alerts")
class AlertPageController {

    static final int PAGE_SIZE = 50;

    private final AlertRegister alerts;
    private final AlertOutbox outbox;
    private final AlertAccessLog looks;
    private final AlertNotes notes;
    private final AlertTeam team;
    private final PersonAlerts personAlerts;
    private final People people;
    private final OnCallEscalation onCall;
    private final DeliveryOutbox deliveries;
    private final SafeguardingAlerts safeguarding;
    private final boolean exclusions;

    AlertPageController(AlertRegister alerts, AlertOutbox outbox, AlertAccessLog looks, AlertNotes notes, AlertTeam team,
                        PersonAlerts personAlerts, People people, OnCallEscalation onCall, DeliveryOutbox deliveries,
                        SafeguardingAlerts safeguarding, Optional<FalsePositiveExclusions> exclusions) {
        this.onCall = onCall;
        this.deliveries = deliveries;
        this.safeguarding = safeguarding;
        this.exclusions = exclusions.isPresent();
        this.alerts = alerts;
        this.outbox = outbox;
        this.looks = looks;
        this.notes = notes;
        this.team = team;
        this.personAlerts = personAlerts;
        this.people = people;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "0") int page,
                Authentication user, Model model, HttpServletResponse response) {
        AlertFilters filters = AlertFilters.parse(status, kind, from, to, assignee, page, PAGE_SIZE);
        model.addAttribute("filters", filters);
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("team", team.members());
        model.addAttribute("emailOn", outbox.enabled());
        if (!filters.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", new AlertRegister.Page(List.of(), false));
        } else {
            model.addAttribute("page", alerts.list(filters.query(), Viewer.of(user), Channel.LIST));
        }
        model.addAttribute("pageNumber", filters.query().page());
        return "alerts/list";
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String alert(@PathVariable long id, Authentication user, Model model) {
        Alert alert = alerts.read(id, Viewer.of(user), Channel.PAGE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Person> person = alert.personId() == null ? Optional.empty() : people.find(alert.personId());
        model.addAttribute("alert", alert);
        model.addAttribute("person", person.orElse(null));
        model.addAttribute("emailOn", outbox.enabled());
        model.addAttribute("looks", looks.looks(id));
        model.addAttribute("notes", notes.on(id));
        model.addAttribute("team", team.members());
        model.addAttribute("outcomes", AlertOutcome.values());
        model.addAttribute("recordIncident", IncidentPrefill.link(alert, person));
        model.addAttribute("escalateAs", IncidentPrefill.misuse(alert.kind()) ? "misuser" : "at risk");
        model.addAttribute("around", aroundLink(alert));
        model.addAttribute("escalation", onCall.status(id).orElse(null));
        model.addAttribute("deliveries", deliveries.about(id));
        model.addAttribute("late", safeguarding.late(id));
        model.addAttribute("lateMinutes", safeguarding.lateWindow().toMinutes());
        model.addAttribute("exclusionContext", exclusions ? safeguarding.exclusionContext(alert).orElse(null) : null);
        return "alerts/detail";
    }

    /** One person's alerts grouped by kind and category, each linked, with their browsing. */
    @GetMapping("/people/{id:\\d+}")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String person(@PathVariable long id, Authentication user, Model model) {
        Person person = people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("person", person);
        model.addAttribute("view", personAlerts.of(id, Viewer.of(user), Instant.now()));
        model.addAttribute("activity", UriComponentsBuilder.fromPath("/activity").queryParam("person", id)
                .build().toUriString());
        return "alerts/person";
    }

    /**
     * The activity log in the hour either side of the alert's first request, for the person it was
     * tied to, else its proxy user, else its device's address.
     */
    private static String aroundLink(Alert alert) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/activity");
        if (alert.personId() != null) {
            link.queryParam("person", alert.personId());
        } else if (alert.proxyUser() != null) {
            link.queryParam("user", alert.proxyUser());
        } else if (alert.clientIp() != null) {
            link.queryParam("ip", alert.clientIp());
        }
        return link.queryParam("around", alert.firstSeenAt()).encode().build().toUriString();
    }
}
