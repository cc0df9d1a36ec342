package org.lantern.server.unblocking;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.policy.PolicyService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unblock pages: staff ask at {@code /unblock/request} (the block page links there with the
 * blocked address filled in) and follow their requests at {@code /unblock/mine}; approvers decide
 * at {@code /unblock}. Times on the form are the school's wall-clock time.
 */
@Controller
@RequestMapping("/unblock")
class UnblockPageController {

    private static final UrlNormaliser NORMALISER = new UrlNormaliser();

    private final Unblocks unblocks;
    private final PolicyService policies;
    private final People people;
    private final ChangeControlLog log;

    UnblockPageController(Unblocks unblocks, PolicyService policies, People people, ChangeControlLog log) {
        this.unblocks = unblocks;
        this.policies = policies;
        this.people = people;
        this.log = log;
    }

    /** What the request form shows and sends back, as typed. */
    record Form(String url, String scope, List<String> groups, String people, String reason, String from,
                String until) {
        Form {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    @GetMapping("/request")
    @PreAuthorize("hasAuthority('UNBLOCK_REQUEST')")
    String requestForm(@RequestParam(defaultValue = "") String url, Model model) {
        return form(new Form(url, "DOMAIN", List.of(), "", "", "", ""), List.of(), model);
    }

    @PostMapping("/request")
    @PreAuthorize("hasAuthority('UNBLOCK_REQUEST')")
    String request(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String scope,
                   @RequestParam(required = false) List<String> groups, @RequestParam(defaultValue = "") String people,
                   @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String from,
                   @RequestParam(defaultValue = "") String until, Principal principal, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Form form = new Form(url, scope, groups, people, reason, from, until);
        Instant now = Instant.now();
        List<String> errors = new ArrayList<>();
        Scope parsedScope = switch (scope) {
            case "DOMAIN" -> Scope.DOMAIN;
            case "URL_PREFIX" -> Scope.URL_PREFIX;
            default -> null;
        };
        List<Long> personIds = personIds(people, errors);
        Instant start = time("From", from, errors);
        Instant end = time("Until", until, errors);
        UnblockDraft draft = new UnblockDraft(url, parsedScope, form.groups(), personIds, reason, start, end);
        errors.addAll(unblocks.problems(draft, now));
        if (errors.isEmpty()) {
            try {
                UnblockRequest saved = unblocks.request(draft, principal.getName(), now);
                redirect.addFlashAttribute("saved", saved.id());
                return "redirect:/unblock/mine";
            } catch (IllegalContentRefusedException e) {
                errors.add(e.getMessage());
            } catch (UnblockRejectedException e) {
                errors.addAll(e.errors());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(form, errors, model);
    }

    private String form(Form form, List<String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", policies.currentDocument().groups());
        model.addAttribute("maxReason", Unblocks.MAX_REASON);
        model.addAttribute("maxDays", Unblocks.MAX_PERIOD.toDays());
        try {
            NormalisedUrl normalised = form.url().isBlank() ? null : NORMALISER.normalise(form.url().strip());
            model.addAttribute("normalised", normalised);
        } catch (MalformedUrlException e) {
            model.addAttribute("normalised", null);
        }
        return "unblocking/request";
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAuthority('UNBLOCK_REQUEST')")
    String mine(Principal principal, Model model) {
        model.addAttribute("requests", rows(unblocks.requestedBy(principal.getName())));
        return "unblocking/mine";
    }

    @GetMapping
    @PreAuthorize("hasAuthority('UNBLOCK_APPROVE')")
    String approvals(Model model) {
        model.addAttribute("pending", rows(unblocks.list(UnblockStatus.REQUESTED)));
        Instant now = Instant.now();
        model.addAttribute("granted", rows(unblocks.list(UnblockStatus.GRANTED).stream()
                .filter(r -> r.until().isAfter(now)).toList()));
        return "unblocking/approvals";
    }

    @PostMapping("/{id}/grant")
    @PreAuthorize("hasAuthority('UNBLOCK_APPROVE')")
    String grant(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal principal,
                 RedirectAttributes redirect) {
        return decide(id, redirect, "/unblock", () -> unblocks.grant(id, principal.getName(), reason, Instant.now()),
                "granted");
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasAuthority('UNBLOCK_APPROVE')")
    String refuse(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal principal,
                  RedirectAttributes redirect) {
        return decide(id, redirect, "/unblock", () -> unblocks.refuse(id, principal.getName(), reason, Instant.now()),
                "refused");
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('UNBLOCK_REQUEST')")
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                    RedirectAttributes redirect) {
        boolean approver = user.getAuthorities().stream().anyMatch(a -> "UNBLOCK_APPROVE".equals(a.getAuthority()));
        return decide(id, redirect, approver ? "/unblock" : "/unblock/mine",
                () -> unblocks.withdraw(id, user.getName(), approver, reason, Instant.now()), "withdrawn");
    }

    private String decide(long id, RedirectAttributes redirect, String back, Runnable step, String done) {
        try {
            step.run();
            redirect.addFlashAttribute("message", "Request " + id + " " + done + ".");
        } catch (UnblockRejectedException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(m -> "Request " + id + ": " + m).toList());
        } catch (IllegalContentRefusedException e) {
            redirect.addFlashAttribute("errors", List.of("Request " + id + ": " + e.getMessage()));
        }
        return "redirect:" + back;
    }

    @ExceptionHandler(UnblockNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(UnblockNotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "unblocking/not-found";
    }

    /** A request with its groups and people spelled out for a page (requesters and approvers see names). */
    record Row(UnblockRequest request, String who, String period, String requestedAt) {
    }

    private List<Row> rows(List<UnblockRequest> requests) {
        Map<String, String> groupNames = new HashMap<>();
        policies.currentDocument().groups().forEach(g -> groupNames.put(g.id(), g.name()));
        return requests.stream().map(r -> {
            List<String> who = new ArrayList<>();
            r.groupIds().forEach(g -> who.add(groupNames.getOrDefault(g, g)));
            if (!r.personIds().isEmpty()) {
                who.add(log.names(r.personIds()));
            }
            return new Row(r, String.join(", ", who), UnblockFormat.period(r.from(), r.until()),
                    SchoolTime.when(r.requestedAt()));
        }).toList();
    }

    private List<Long> personIds(String usernames, List<String> errors) {
        List<Long> ids = new ArrayList<>();
        for (String username : usernames.strip().split("[,\\s]+")) {
            if (username.isEmpty()) {
                continue;
            }
            people.findByProxyUsername(username).map(Person::id).ifPresentOrElse(ids::add,
                    () -> errors.add("People: no one has the network username '" + username + "'"));
        }
        return ids;
    }

    private static Instant time(String field, String text, List<String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(SchoolTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field + ": '" + text + "' is not a date and time");
            return null;
        }
    }
}
