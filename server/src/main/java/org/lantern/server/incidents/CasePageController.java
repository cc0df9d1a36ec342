package org.lantern.server.incidents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

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
 * The case controls on a record's page: status (with the outcome or the reason), priority, owner,
 * review date, each action's owner and, on a pupil's report, the concern it is (which also needs
 * CHILD_PROTECTION_READ). Anyone who may record incidents reaches them; the service
 * lets through only the DSL's team and the case's owner, and a record the user may not read is a
 * 404 like one that does not exist.
 */
@Controller
@RequestMapping("/incidents/{id:\\d+}")
class CasePageController {

    private final IncidentService incidents;
    private final CaseService cases;

    CasePageController(IncidentService incidents, CaseService cases) {
        this.incidents = incidents;
        this.cases = cases;
    }

    @PostMapping("/case/status")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String status(@PathVariable long id, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String note, Authentication user, RedirectAttributes redirect) {
        return change(id, "#case", user, redirect, "Case status changed.",
                () -> cases.changeStatus(id, CaseStatus.parse(status).orElse(null), note, CaseActor.of(user)),
                () -> redirect.addFlashAttribute("typedNote", note));
    }

    @PostMapping("/case/priority")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String priority(@PathVariable long id, @RequestParam(defaultValue = "") String priority, Authentication user,
                    RedirectAttributes redirect) {
        return change(id, "#case", user, redirect, "Priority changed.",
                () -> cases.changePriority(id, CasePriority.parse(priority).orElse(null), CaseActor.of(user)), () -> { });
    }

    @PostMapping("/case/owner")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String owner(@PathVariable long id, @RequestParam(required = false) Long owner, Authentication user,
                 RedirectAttributes redirect) {
        return change(id, "#case", user, redirect, "Case owner changed.", () -> cases.changeOwner(id, owner, CaseActor.of(user)),
                () -> { });
    }

    @PostMapping("/case/review")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String review(@PathVariable long id, @RequestParam(defaultValue = "") String reviewOn, Authentication user,
                  RedirectAttributes redirect) {
        return change(id, "#case", user, redirect, "Review date changed.",
                () -> cases.changeReview(id, date(reviewOn), CaseActor.of(user)), () -> { });
    }

    @PostMapping("/actions/{actionId:\\d+}/owner")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String actionOwner(@PathVariable long id, @PathVariable long actionId, @RequestParam(required = false) Long owner,
                       Authentication user, RedirectAttributes redirect) {
        // The look at the incident is logged as allowed only if it holds the action.
        incidents.readWithAction(id, actionId, Viewer.of(user), Channel.PAGE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return apply(id, "#actions", redirect, "Action owner changed.",
                () -> cases.changeActionOwner(id, actionId, owner, CaseActor.of(user)), () -> { });
    }

    @PostMapping("/category")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String category(@PathVariable long id, @RequestParam(defaultValue = "") String category, Authentication user,
                    RedirectAttributes redirect) {
        return change(id, "#actions", user, redirect, "Concern chosen: its steps are now tracked actions.",
                () -> cases.chooseCategory(id, category, CaseActor.of(user)), () -> { });
    }

    private String change(long id, String anchor, Authentication user, RedirectAttributes redirect, String done, Supplier<?> change,
                          Runnable keepTyped) {
        incidents.read(id, Viewer.of(user), Channel.PAGE).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return apply(id, anchor, redirect, done, change, keepTyped);
    }

    /** Makes a change to a record already found readable, and goes back to its page saying how it went. */
    private String apply(long id, String anchor, RedirectAttributes redirect, String done, Supplier<?> change,
                         Runnable keepTyped) {
        try {
            change.get();
            redirect.addFlashAttribute("message", done);
        } catch (IncidentRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
            keepTyped.run();
        } catch (CaseChangeRefusedException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (IncidentNotFoundException e) {
            // An action of another incident: answered as a missing incident is, so the id tells nothing.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/incidents/" + id + anchor;
    }

    /** A {@code date} input's value; blank is no date, anything else unreadable is refused. */
    private static LocalDate date(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IncidentRejectedException(List.of("The review date must be a date, e.g. 2026-03-14."));
        }
    }
}
