package org.lantern.server.alerts;

import java.util.List;
import java.util.Locale;

import org.lantern.server.incidents.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage forms on an alert's page: take it into review, close it with an outcome, assign it,
 * add a note, acknowledge it for the on-call list. Each goes back to the alert saying what was done, or why nothing was, with what was
 * typed kept. INCIDENT_MANAGE (the DSL and deputies).
 */
@Controller
@RequestMapping("/alerts/{id:\\d+}")
@PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
class AlertTriagePageController {

    private final AlertTriage triage;
    private final OnCallEscalation onCall;

    AlertTriagePageController(AlertTriage triage, OnCallEscalation onCall) {
        this.triage = triage;
        this.onCall = onCall;
    }

    @PostMapping("/status")
    String status(@PathVariable long id, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String incident,
                  @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "false") boolean exclude,
                  @RequestParam(defaultValue = "") String exclusionContext,
                  @RequestParam(defaultValue = "") String exclusionReason, Authentication user,
                  RedirectAttributes redirect) {
        AlertStatus to = AlertStatus.parse(status).orElse(null);
        return act(id, redirect, "#triage", "closeNote", note, () -> {
            Alert alert = triage.change(id, () -> {
                AlertOutcome chosen = outcome.isBlank() ? null : AlertOutcome.parse(outcome).orElseThrow(() ->
                        new AlertRejectedException("Outcome: choose one of those listed."));
                // the exclusion is offered with every outcome but taken only with a false positive
                AlertTriage.Exclusion exclusion = exclude && chosen == AlertOutcome.FALSE_POSITIVE
                        ? new AlertTriage.Exclusion(exclusionContext, exclusionReason) : null;
                return new AlertTriage.Change(to, chosen, incidentNumber(incident), note, exclusion);
            }, Viewer.of(user));
            return alert.status() == AlertStatus.CLOSED ? "Alert closed: " + alert.outcome().label().toLowerCase(Locale.ROOT)
                    + (exclude && alert.outcome() == AlertOutcome.FALSE_POSITIVE
                    ? "; the phrase no longer alerts in that context." : ".") : "Alert in review.";
        });
    }

    @PostMapping("/assignee")
    String assignee(@PathVariable long id, @RequestParam(required = false) Long assignee, Authentication user,
                    RedirectAttributes redirect) {
        return act(id, redirect, "#triage", null, null, () -> {
            Alert alert = triage.assign(id, assignee, Viewer.of(user));
            return alert.assignee() == null ? "Alert assigned to nobody." : "Alert assigned to " + alert.assignee() + ".";
        });
    }

    @PostMapping("/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication user,
                RedirectAttributes redirect) {
        return act(id, redirect, "#notes", "noteText", note, () -> {
            triage.note(id, note, Viewer.of(user));
            return "Note added.";
        });
    }

    /** Stops the alert going further down the on-call list. */
    @PostMapping("/acknowledge")
    String acknowledge(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, "#on-call", null, null, () -> {
            onCall.acknowledge(id, Viewer.of(user));
            return "Acknowledged: no one else on the on-call list will be told.";
        });
    }

    /** The incident number as typed: empty for none; anything else that is not a number is said so. */
    private static Long incidentNumber(String typed) {
        String t = typed.strip().replaceFirst("^#", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new AlertRejectedException("Incident: give the incident's number, e.g. 42.");
        }
    }

    private interface Change {
        String run();
    }

    /**
     * Runs the change and goes back to the alert; when refused, says why and keeps what was typed
     * under {@code typedAs} for the form it came from.
     */
    private static String act(long id, RedirectAttributes redirect, String anchor, String typedAs, String typed,
                              Change change) {
        try {
            redirect.addFlashAttribute("message", change.run());
        } catch (AlertNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (AlertRejectedException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
            if (typedAs != null) {
                redirect.addFlashAttribute(typedAs, typed);
            }
        }
        return "redirect:/alerts/" + id + anchor;
    }
}
