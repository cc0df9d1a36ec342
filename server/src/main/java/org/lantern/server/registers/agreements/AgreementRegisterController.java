package org.lantern.server.registers.agreements;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.YearGroup;
import org.lantern.server.registers.FormScans;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreements register under {@code /registers/agreements}: coverage by audience, year group
 * and class, with a prompt for the agreements that predate a material policy change; who has not signed, on a page and as CSV; one person's agreements, where a paper form
 * is recorded with its scan, and the scan viewed (each look logged).
 */
@Controller
@RequestMapping("/registers/agreements")
class AgreementRegisterController {

    private final AgreementCoverage coverage;
    private final AgreementTexts texts;
    private final Acceptances acceptances;
    private final People people;
    private final AgreementScans scans;
    private final PolicyChangePrompts policyPrompts;
    private final UnsignedCsv unsignedCsv;

    AgreementRegisterController(AgreementCoverage coverage, AgreementTexts texts, Acceptances acceptances, People people,
                                AgreementScans scans, PolicyChangePrompts policyPrompts, UnsignedCsv unsignedCsv) {
        this.unsignedCsv = unsignedCsv;
        this.policyPrompts = policyPrompts;
        this.coverage = coverage;
        this.texts = texts;
        this.acceptances = acceptances;
        this.people = people;
        this.scans = scans;
    }

    /** The unsigned list's filters as typed, and what was wrong with them. */
    record Filters(Audience audience, YearGroup year, String className, List<String> problems) {
        static Filters read(String audience, String year, String className) {
            List<String> problems = new ArrayList<>();
            Audience a = blank(audience) ? null : Audience.parse(audience).orElse(null);
            if (!blank(audience) && a == null) {
                problems.add("There is no agreement for '" + audience.strip() + "'.");
            }
            YearGroup y = blank(year) ? null : YearGroup.parse(year).orElse(null);
            if (!blank(year) && y == null) {
                problems.add("'" + year.strip() + "' is not a year group: use R or 1 to 13.");
            }
            return new Filters(a, y, blank(className) ? null : className.strip(), problems);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    String coverage(Model model) {
        model.addAttribute("coverage", coverage.coverage(SchoolTime.today()));
        model.addAttribute("policyPrompts", policyPrompts.stale(texts.allInForce()));
        return "registers/agreements";
    }

    @GetMapping("/unsigned")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    String unsigned(@RequestParam(required = false) String audience, @RequestParam(required = false) String year,
                    @RequestParam(name = "class", required = false) String className, Model model) {
        Filters filters = Filters.read(audience, year, className);
        model.addAttribute("filters", filters);
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("years", YearGroup.values());
        model.addAttribute("entries", filters.problems().isEmpty()
                ? coverage.unsigned(SchoolTime.today(), filters.audience(), filters.year(), filters.className())
                : List.of());
        return "registers/unsigned";
    }

    @GetMapping("/unsigned.csv")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    void unsignedCsv(@RequestParam(required = false) String audience, @RequestParam(required = false) String year,
                     @RequestParam(name = "class", required = false) String className, HttpServletResponse response)
            throws IOException {
        unsignedCsv.write(response, audience, year, className);
    }

    @GetMapping("/people/{id:\\d+}")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    String person(@PathVariable long id, Authentication user, Model model) {
        Person person = people.find(id).orElseThrow(() -> new AgreementNotFoundException("There is no person " + id + "."));
        Map<Audience, AgreementVersion> inForce = texts.allInForce();
        model.addAttribute("person", person);
        model.addAttribute("audiences", Audience.of(person).stream().filter(inForce::containsKey).toList());
        model.addAttribute("inForce", inForce);
        model.addAttribute("acceptances", acceptances.of(id));
        model.addAttribute("status", coverage.entries(SchoolTime.today()).stream().filter(e -> e.personId() == id).toList());
        model.addAttribute("today", SchoolTime.today());
        return "registers/person";
    }

    @PostMapping("/people/{id:\\d+}/paper")
    @PreAuthorize("hasAuthority('AGREEMENTS_RECORD')")
    String paper(@PathVariable long id, @RequestParam long versionId, @RequestParam(defaultValue = "") String signedOn,
                 @RequestParam(defaultValue = "") String signedBy,
                 @RequestParam(name = "scan", required = false) MultipartFile scan, Authentication user,
                 RedirectAttributes redirect) {
        LocalDate on;
        try {
            on = signedOn.isBlank() ? null : LocalDate.parse(signedOn.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problems", List.of("'" + signedOn.strip() + "' is not a date: use the date picker."));
            return "redirect:/registers/agreements/people/" + id + "#paper";
        }
        try {
            acceptances.recordPaper(id, versionId, on, signedBy, scan == null ? null : scan.getOriginalFilename(),
                    FormScans.bytes(scan), user.getName());
            redirect.addFlashAttribute("recorded", "The paper form is recorded.");
        } catch (AgreementException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/agreements/people/" + id + "#paper";
    }

    @GetMapping("/scans/{id:\\d+}")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    ResponseEntity<byte[]> scan(@PathVariable long id, Authentication user) {
        return scans.download(id, Viewer.of(user), Channel.PAGE);
    }
}
