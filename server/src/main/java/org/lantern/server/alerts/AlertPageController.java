package org.lantern.server.alerts;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alerts pages for the DSL's team and the headteacher: the list with filters, one alert (its
 * email, who has seen it, a link to record an incident about it) and acknowledging it with a note.
 * Reading needs INCIDENT_READ_ALL, acknowledging INCIDENT_MANAGE, as for incidents.
 */
@Controller
@RequestMapping("/alerts")
class AlertPageController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final AlertRegister alerts;
    private final AlertOutbox outbox;
    private final AlertAccessLog looks;
    private final People people;

    AlertPageController(AlertRegister alerts, AlertOutbox outbox, AlertAccessLog looks, People people) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.looks = looks;
        this.people = people;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "0") int page, Authentication user, Model model,
                HttpServletResponse response) {
        AlertFilters filters = AlertFilters.parse(status, kind, from, to, page, PAGE_SIZE);
        model.addAttribute("filters", filters);
        model.addAttribute("kinds", AlertKind.values());
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
        model.addAttribute("recordIncident", recordIncidentLink(alert, person));
        model.addAttribute("around", aroundLink(alert));
        return "alerts/detail";
    }

    @PostMapping("/{id:\\d+}/acknowledge")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication user,
                       RedirectAttributes redirect) {
        try {
            alerts.acknowledge(id, note, user.getName());
            redirect.addFlashAttribute("message", "Alert acknowledged.");
        } catch (AlertNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (AlertRejectedException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
            redirect.addFlashAttribute("note", note);
        }
        return "redirect:/alerts/" + id + "#acknowledge";
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

    /**
     * The incident form, filled in with the person (when the alert resolved to a pupil or member
     * of staff), the time, a description naming the alert and a link to it; an alert of illegal
     * content starts the illegal-material path. Never the address: the DSL copies it only if the
     * guidance allows.
     */
    private static String recordIncidentLink(Alert alert, Optional<Person> person) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/incidents/new");
        person.filter(p -> p.kind() == PersonKind.PUPIL || p.kind() == PersonKind.STAFF).ifPresent(p -> link
                .queryParam("subject", p.kind().name())
                .queryParam("subjectIds", p.id()));
        link.queryParam("occurredAt", FORM_TIME.format(alert.firstSeenAt().atZone(SchoolTime.ZONE)));
        link.queryParam("description", "Raised from Lantern filter alert " + alert.id() + " ("
                + alert.kind().label() + ": " + alert.categoryName() + ").");
        // The incident links to the alert's page, which holds the address; the link itself carries none.
        link.queryParam("links", "/alerts/" + alert.id());
        if (alert.kind().illegal()) {
            link.queryParam("illegal", true).queryParam("kind", "CHILD_PROTECTION");
        }
        return link.encode().build().toUriString();
    }
}
