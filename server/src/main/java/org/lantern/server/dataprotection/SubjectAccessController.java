package org.lantern.server.dataprotection;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.reports.PdfRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subject access request pages under {@code /data-protection/subject-access}: the log, a new
 * request (finding the person in the directory), a request with its deadline, identity check,
 * extension and status, the person's child-protection records for the DSL to include one by one
 * with a reason, and the export of the person's data as a page, JSON or PDF. Each export is logged
 * and audited.
 */
@Controller
@RequestMapping("/data-protection/subject-access")
class SubjectAccessController {

    private static final int SEARCH_SIZE = 20;
    /** Who may choose which child-protection records a request's export includes: the DSL, not the DPO alone. */
    private static final String CHILD_PROTECTION_RELEASE =
            "hasAuthority('DATA_PROTECTION_MANAGE') and hasAuthority('CHILD_PROTECTION_READ')";

    private final SubjectAccessRequests requests;
    private final PersonalDataExports exports;
    private final ChildProtectionInclusions inclusions;
    private final People people;
    private final PdfRenderer pdf;

    SubjectAccessController(SubjectAccessRequests requests, PersonalDataExports exports,
                            ChildProtectionInclusions inclusions, People people, PdfRenderer pdf) {
        this.requests = requests;
        this.exports = exports;
        this.inclusions = inclusions;
        this.people = people;
        this.pdf = pdf;
    }

    /** The new-request form as typed; {@code step} is {@code search} or {@code record}. */
    record RequestForm(String requesterName, String requesterRelation, Long personId, String q, String receivedOn,
                       Boolean identityVerified, String identityNote, String step) {

        boolean verified() {
            return Boolean.TRUE.equals(identityVerified);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String list(Model model) {
        model.addAttribute("requests", requests.list());
        model.addAttribute("today", People.today());
        return "dataprotection/subject-access";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String form(@ModelAttribute("form") RequestForm form, Model model) {
        return showForm(form, List.of(), model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String record(@ModelAttribute("form") RequestForm form, Authentication user, Model model) {
        if (!"record".equals(form.step())) {
            return showForm(form, List.of(), model);
        }
        List<String> problems = new ArrayList<>();
        LocalDate received = FormTimes.date(form.receivedOn(), "The day it was received", problems);
        try {
            if (problems.isEmpty()) {
                SubjectAccessRequest request = requests.record(new SubjectAccessRequests.NewRequest(form.requesterName(),
                        form.requesterRelation(), form.personId(), received, form.verified(),
                        form.identityNote()), user.getName());
                return "redirect:/data-protection/subject-access/" + request.id() + "?recorded";
            }
        } catch (DataProtectionException e) {
            problems.addAll(e.problems());
        }
        return showForm(form, problems, model);
    }

    private String showForm(RequestForm form, List<String> problems, Model model) {
        List<Person> found = new ArrayList<>();
        if (form.personId() != null) {
            people.find(form.personId()).ifPresent(found::add);
        }
        if (form.q() != null && !form.q().isBlank()) {
            people.search(form.q(), null, null, 0, SEARCH_SIZE).people().stream()
                    .filter(p -> found.stream().noneMatch(f -> f.id() == p.id())).forEach(found::add);
        }
        model.addAttribute("people", found);
        model.addAttribute("searched", form.q() != null && !form.q().isBlank());
        model.addAttribute("problems", problems);
        return "dataprotection/subject-access-new";
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String request(@PathVariable long id, Authentication user, Model model) {
        SubjectAccessRequest request = requests.get(id);
        model.addAttribute("sar", request);
        Viewer viewer = Viewer.of(user);
        // Only for those who may read child-protection records: for anyone else the page does not
        // say whether the person has any.
        model.addAttribute("childProtection", viewer.childProtection() ? inclusions.candidates(id, viewer) : null);
        model.addAttribute("today", People.today());
        model.addAttribute("statuses", SarStatus.values());
        model.addAttribute("exports", requests.exports(id));
        return "dataprotection/subject-access-request";
    }

    @PostMapping("/{id:\\d+}/identity")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String verify(@PathVariable long id, @RequestParam(defaultValue = "") String identityNote, Authentication user,
                  RedirectAttributes redirect) {
        return RecordPageRedirects.change(page(id), redirect, "Identity check recorded.",
                () -> requests.verifyIdentity(id, identityNote, user.getName()));
    }

    @PostMapping("/{id:\\d+}/extension")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String extend(@PathVariable long id, @RequestParam(defaultValue = "") String months,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String toldOn,
                  Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        Integer extra = FormTimes.number(months, "The extension", problems);
        LocalDate told = FormTimes.date(toldOn, "The day the requester was told", problems);
        if (!problems.isEmpty()) {
            return RecordPageRedirects.problems(page(id), redirect, problems);
        }
        return RecordPageRedirects.change(page(id), redirect, "Deadline extended.",
                () -> requests.extend(id, extra, reason, told, user.getName()));
    }

    @PostMapping("/{id:\\d+}/status")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String status(@PathVariable long id, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String note, Authentication user, RedirectAttributes redirect) {
        SarStatus chosen = SarStatus.parse(status).orElse(null);
        return RecordPageRedirects.change(page(id), redirect, "Status saved.",
                () -> requests.setStatus(id, chosen, note, user.getName()));
    }

    @PostMapping("/{id:\\d+}/child-protection/{incidentId:\\d+}")
    @PreAuthorize(CHILD_PROTECTION_RELEASE)
    String include(@PathVariable long id, @PathVariable long incidentId, @RequestParam(defaultValue = "") String reason,
                   Authentication user, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            return RecordPageRedirects.change(page(id) + "#child-protection", redirect, "Record " + incidentId
                            + " is included in this request's export, with your reason.",
                    () -> inclusions.include(id, incidentId, reason, Viewer.of(user)));
        } catch (NotFoundException e) {
            return refused(id, e, user, model, response);
        }
    }

    @PostMapping("/{id:\\d+}/child-protection/{incidentId:\\d+}/withdraw")
    @PreAuthorize(CHILD_PROTECTION_RELEASE)
    String withdraw(@PathVariable long id, @PathVariable long incidentId, Authentication user,
                    RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            return RecordPageRedirects.change(page(id) + "#child-protection", redirect, "Record " + incidentId
                            + " is left out of this request's export again.",
                    () -> inclusions.withdraw(id, incidentId, Viewer.of(user)));
        } catch (NotFoundException e) {
            return refused(id, e, user, model, response);
        }
    }

    /**
     * The request page again, answering 404 with why: a record that is not one of this person's
     * child-protection records (a mistyped or forged number). A missing request has no page to show.
     */
    private String refused(long id, NotFoundException e, Authentication user, Model model,
                           HttpServletResponse response) {
        requests.get(id);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("problems", List.of(e.getMessage()));
        return request(id, user, model);
    }

    @GetMapping("/{id:\\d+}/export")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String exportPage(@PathVariable long id, Authentication user, Model model) {
        model.addAttribute("export", exports.export(id, user, "HTML"));
        model.addAttribute("sar", requests.get(id));
        return "dataprotection/export";
    }

    @GetMapping(value = "/{id:\\d+}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    @ResponseBody
    ResponseEntity<PersonalDataExport> exportJson(@PathVariable long id, Authentication user) {
        PersonalDataExport export = exports.export(id, user, "JSON");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("subject-access-" + id + ".json").build().toString()).body(export);
    }

    @GetMapping("/{id:\\d+}/export-activity.csv")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    void exportActivity(@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
        requests.get(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(PersonalDataExports.activityCsvName(id)).build().toString());
        exports.activityCsv(id, Viewer.of(user), response.getWriter());
    }

    @GetMapping("/{id:\\d+}/export.pdf")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    ResponseEntity<byte[]> exportPdf(@PathVariable long id, Authentication user) {
        PersonalDataExport export = exports.export(id, user, "PDF");
        byte[] body = pdf.render("dataprotection/export-pdf", Map.of("export", export, "sar", requests.get(id)));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subject-access-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    private static String page(long id) {
        return "/data-protection/subject-access/" + id;
    }
}
