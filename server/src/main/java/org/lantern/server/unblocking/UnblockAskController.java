package org.lantern.server.unblocking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Ask for access" from the block page: a pupil says why they need the page, and an approver sees
 * it among the unblock requests like any other (audited, decided by someone else, time-limited).
 * The request is for the pupil alone, for that address and what is below it, for
 * {@link #PERIOD} from when it is asked. A pupil who is not signed in signs in first and comes back
 * here. Staff, who may ask for groups and periods, are sent on to the full form.
 */
@Controller
@RequestMapping("/unblock/ask")
class UnblockAskController {

    /** How long a pupil's unblock lasts once granted: long enough for a piece of homework. */
    static final Duration PERIOD = Duration.ofDays(7);
    static final String NOT_LINKED = "Your sign-in is not linked to your pupil record, so the page could not be "
            + "opened just for you. Ask a member of staff to ask for it.";

    private final Unblocks unblocks;
    private final People people;

    UnblockAskController(Unblocks unblocks, People people) {
        this.unblocks = unblocks;
        this.people = people;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('UNBLOCK_ASK')")
    String form(@RequestParam(defaultValue = "") String url, Authentication user, Model model) {
        if (Permission.UNBLOCK_REQUEST.heldBy(user)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/unblock/request")
                    .queryParamIfPresent("url", Optional.of(url).filter(u -> !u.isBlank())).encode().toUriString();
        }
        return page(url, "", List.of(), user, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('UNBLOCK_ASK')")
    String ask(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String reason,
               Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Instant now = Instant.now();
        List<String> errors = new ArrayList<>();
        Optional<Person> person = people.findByAccount(((AccountPrincipal) user.getPrincipal()).id());
        if (person.isEmpty()) {
            errors.add(NOT_LINKED);
        } else {
            UnblockDraft draft = new UnblockDraft(url, Scope.URL_PREFIX, List.of(), List.of(person.get().id()), reason,
                    null, now.plus(PERIOD));
            try {
                unblocks.request(draft, user.getName(), now);
                redirect.addFlashAttribute("sent", true);
                return "redirect:/unblock/ask";
            } catch (UnblockRejectedException e) {
                errors.addAll(e.errors());
            } catch (IllegalContentRefusedException e) {
                errors.add("This page can never be opened in school. If something online has worried or upset you, "
                        + "report a concern or talk to a member of staff you trust.");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(url, reason, errors, user, model);
    }

    private String page(String url, String reason, List<String> errors, Authentication user, Model model) {
        model.addAttribute("url", url);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("days", PERIOD.toDays());
        model.addAttribute("maxReason", Unblocks.MAX_REASON);
        model.addAttribute("mine", unblocks.requestedBy(user.getName()).stream()
                .map(r -> new Asked(r, SchoolTime.when(r.requestedAt()), SchoolTime.when(r.until()))).toList());
        return "unblocking/ask";
    }

    /** One of the pupil's own requests, with its times as the school's clock reads them. */
    record Asked(UnblockRequest request, String askedAt, String until) {
    }
}
