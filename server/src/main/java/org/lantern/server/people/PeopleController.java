package org.lantern.server.people;

import java.io.IOException;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people pages: the directory, one person with their access history and the grant/remove
 * actions, their policy groups and any suspension of their access, the MIS import (upload, dry-run report, apply) and the internet access register.
 * Each viewer sees what their role needs: identifying details (date of birth, UPN, devices) only
 * with PEOPLE_READ_DETAILS, links only to the incidents they may open, and "restricted" for a
 * register reason from a child-protection record unless they may read child protection ({@link RecordView}).
 * The uploaded file waits in the user's session between the dry run and "apply", so what is
 * applied is exactly what was reviewed.
 */
@Controller
@RequestMapping("/people")
class PeopleController {

    /** Largest MIS export accepted; a whole-school export is well under 1 MB. */
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;
    private static final int PAGE_SIZE = 50;
    private static final String PENDING = "people.pendingImport";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final People people;
    private final PeopleImporter importer;
    private final GroupMemberships memberships;
    private final AccessSuspensions suspensions;
    private final IncidentLinks incidentLinks;

    PeopleController(People people, PeopleImporter importer, GroupMemberships memberships,
                     AccessSuspensions suspensions, IncidentLinks incidentLinks) {
        this.people = people;
        this.importer = importer;
        this.memberships = memberships;
        this.suspensions = suspensions;
        this.incidentLinks = incidentLinks;
    }

    /** An uploaded file between its dry run and its application. */
    record PendingImport(String token, String fileName, byte[] content, boolean fullRoll) implements Serializable {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PEOPLE_READ')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String year, @RequestParam(defaultValue = "0") int page, Model model) {
        List<String> errors = new ArrayList<>();
        PersonKind kindFilter = null;
        if (kind != null && !kind.isBlank()) {
            kindFilter = PersonKind.parse(kind).orElse(null);
            if (kindFilter == null) {
                errors.add("Unknown kind \"" + kind + "\": choose Pupil, Staff, Governor or Visitor.");
            }
        }
        YearGroup yearFilter = null;
        if (year != null && !year.isBlank()) {
            yearFilter = YearGroup.parse(year).orElse(null);
            if (yearFilter == null) {
                errors.add("Unknown year group \"" + year + "\": choose Reception or Year 1 to 13.");
            }
        }
        PersonPage result = errors.isEmpty()
                ? people.search(q, kindFilter, yearFilter, Math.max(0, page), PAGE_SIZE)
                : new PersonPage(List.of(), 0, PAGE_SIZE, 0);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("year", yearFilter == null ? "" : yearFilter.code());
        model.addAttribute("kinds", PersonKind.values());
        model.addAttribute("years", YearGroup.values());
        return "people/list";
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('PEOPLE_READ')")
    String person(@PathVariable long id, Authentication user, Model model) {
        Person person = people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<AccessEvent> history = people.accessHistory(id);
        List<AccessSuspension> inForce = suspensions.inForce(id);
        List<Long> incidents = new ArrayList<>(history.stream().map(AccessEvent::incidentId).toList());
        inForce.forEach(s -> incidents.add(s.incidentId()));
        model.addAttribute("person", person);
        model.addAttribute("history", history);
        model.addAttribute("records", RecordView.of(incidentLinks, incidents, user));
        model.addAttribute("identityTypes", NetworkIdentityType.values());
        model.addAttribute("groups", memberships.listed(person));
        model.addAttribute("groupChoice", memberships.choice(person));
        model.addAttribute("eligibleGroups", memberships.eligibleGroups(person.kind()));
        model.addAttribute("groupHistory", memberships.history(id));
        model.addAttribute("suspensions", inForce);
        model.addAttribute("whoMayRestore", AccessSuspensions.whoMayRestore());
        return "people/person";
    }

    @PostMapping("/{id:\\d+}/access")
    @PreAuthorize("hasAuthority('PEOPLE_MANAGE')")
    String changeAccess(@PathVariable long id, @RequestParam String action, @RequestParam(defaultValue = "") String reason,
                        Authentication user, RedirectAttributes redirect) {
        people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            redirect.addFlashAttribute("accessError", "Give a reason (up to 500 characters) for the change.");
            return "redirect:/people/" + id + "#access";
        }
        boolean changed;
        try {
            changed = switch (action) {
                case "grant" -> people.grantAccess(id, user.getName(), why);
                case "remove" -> people.removeAccess(id, user.getName(), why);
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown action");
            };
        } catch (AccessSuspendedException e) {
            redirect.addFlashAttribute("accessError", e.getMessage());
            return "redirect:/people/" + id + "#access";
        }
        redirect.addFlashAttribute("accessMessage", changed
                ? ("grant".equals(action) ? "Internet access granted." : "Internet access removed.")
                : "Nothing changed: access was already " + ("grant".equals(action) ? "granted." : "removed."));
        return "redirect:/people/" + id + "#access";
    }

    @PostMapping("/{id:\\d+}/identities")
    @PreAuthorize("hasAuthority('PEOPLE_MANAGE')")
    String addIdentity(@PathVariable long id, @RequestParam(defaultValue = "") String type,
                       @RequestParam(defaultValue = "") String value, RedirectAttributes redirect) {
        people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            NetworkIdentity added = people.addIdentity(id, identityType(type), value);
            redirect.addFlashAttribute("identityMessage", added.type().label() + " " + added.value() + " added.");
        } catch (InvalidNetworkIdentityException e) {
            redirect.addFlashAttribute("identityError", e.getMessage() + ".");
            redirect.addFlashAttribute("identityValue", value);
        }
        return "redirect:/people/" + id + "#identities";
    }

    @PostMapping("/{id:\\d+}/identities/remove")
    @PreAuthorize("hasAuthority('PEOPLE_MANAGE')")
    String removeIdentity(@PathVariable long id, @RequestParam String type, @RequestParam String value,
                          RedirectAttributes redirect) {
        people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        NetworkIdentityType identityType = identityType(type);
        redirect.addFlashAttribute("identityMessage", people.removeIdentity(id, identityType, value)
                ? identityType.label() + " " + value + " removed." : "Nothing changed: that identity was not recorded.");
        return "redirect:/people/" + id + "#identities";
    }

    private static NetworkIdentityType identityType(String type) {
        try {
            return NetworkIdentityType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown identity type");
        }
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('PEOPLE_MANAGE')")
    String importForm(Model model) {
        model.addAttribute("history", importer.history(20));
        return "people/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('PEOPLE_MANAGE')")
    String dryRun(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean fullRoll,
                  HttpSession session, Model model) throws IOException {
        model.addAttribute("history", importer.history(20));
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "Choose a CSV file exported from your MIS.");
            return "people/import";
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            model.addAttribute("uploadError", "The file is larger than 5 MB. Export only the columns Lantern reads, or split the file.");
            return "people/import";
        }
        byte[] content = file.getBytes();
        String fileName = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        session.setAttribute(PENDING, new PendingImport(token, fileName, content, fullRoll));
        model.addAttribute("plan", importer.plan(content, fileName, fullRoll));
        model.addAttribute("token", token);
        return "people/import";
    }

    @PostMapping("/import/apply")
    @PreAuthorize("hasAuthority('PEOPLE_MANAGE')")
    String apply(@RequestParam String token, @RequestParam(defaultValue = "false") boolean validOnly,
                 HttpSession session, Authentication user, Model model) {
        model.addAttribute("history", importer.history(20));
        if (!(session.getAttribute(PENDING) instanceof PendingImport pending) || !pending.token().equals(token)) {
            model.addAttribute("uploadError", "That import is no longer waiting (it was applied or replaced). Upload the file again.");
            return "people/import";
        }
        try {
            ImportResult result = importer.apply(pending.content(), pending.fileName(), pending.fullRoll(), validOnly,
                    user.getName());
            session.removeAttribute(PENDING);
            model.addAttribute("result", result);
            model.addAttribute("history", importer.history(20));
        } catch (ImportHasErrorsException e) {
            model.addAttribute("plan", importer.plan(pending.content(), pending.fileName(), pending.fullRoll()));
            model.addAttribute("token", token);
            model.addAttribute("uploadError", e.getMessage()
                    + ". Fix the file and upload it again, or tick \"apply only the valid rows\".");
        }
        return "people/import";
    }

    @GetMapping("/register")
    @PreAuthorize("hasAuthority('PEOPLE_READ')")
    String register(@RequestParam(required = false) String action, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    Authentication user, Model model) {
        List<String> errors = new ArrayList<>();
        AccessAction actionFilter = null;
        if (action != null && !action.isBlank()) {
            try {
                actionFilter = AccessAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("Unknown action \"" + action + "\": choose Granted or Removed.");
            }
        }
        PersonKind kindFilter = null;
        if (kind != null && !kind.isBlank()) {
            kindFilter = PersonKind.parse(kind).orElse(null);
            if (kindFilter == null) {
                errors.add("Unknown kind \"" + kind + "\".");
            }
        }
        LocalDate fromDate = date(from, "From", errors);
        LocalDate toDate = date(to, "To", errors);
        model.addAttribute("errors", errors);
        List<AccessEvent> events = errors.isEmpty()
                ? people.register(new People.RegisterFilter(null, actionFilter, kindFilter, fromDate, toDate), 500)
                : List.of();
        model.addAttribute("events", events);
        model.addAttribute("records", RecordView.of(incidentLinks, events.stream().map(AccessEvent::incidentId).toList(),
                user));
        model.addAttribute("action", actionFilter == null ? "" : actionFilter.name());
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("kinds", PersonKind.values());
        return "people/register";
    }

    private static LocalDate date(String text, String label, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(label + " date \"" + text + "\" is not a date (yyyy-mm-dd).");
            return null;
        }
    }
}
