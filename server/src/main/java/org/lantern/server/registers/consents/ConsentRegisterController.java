package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
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
 * The consent register under {@code /registers/consents}: every pupil's consents by use, one
 * pupil's page (record a form with its scan, withdraw, the never-publish flag for those who may see
 * it), and downloading a scan.
 */
@Controller
@RequestMapping("/registers/consents")
class ConsentRegisterController {

    private final Consents consents;
    private final WhoMayAppear whoMayAppear;
    private final NeverPublish neverPublish;
    private final Publications publications;
    private final Takedowns takedowns;
    private final ConsentScans scans;

    ConsentRegisterController(Consents consents, WhoMayAppear whoMayAppear, NeverPublish neverPublish,
                              Publications publications, Takedowns takedowns, ConsentScans scans) {
        this.consents = consents;
        this.whoMayAppear = whoMayAppear;
        this.neverPublish = neverPublish;
        this.publications = publications;
        this.takedowns = takedowns;
        this.scans = scans;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    String register(@RequestParam(name = "class", required = false) String className,
                    @RequestParam(required = false) String year, Authentication user, Model model) {
        PupilFilter filter = PupilFilter.read(className == null ? List.of() : List.of(className), year);
        model.addAttribute("filter", filter);
        model.addAttribute("uses", PhotoUse.values());
        model.addAttribute("classes", whoMayAppear.classes());
        model.addAttribute("years", YearGroup.values());
        List<WhoMayAppear.Pupil> rows = filter.problems().isEmpty()
                ? whoMayAppear.pupils(SchoolTime.today(), filter.classes(), filter.year()) : List.of();
        model.addAttribute("rows", rows);
        model.addAttribute("flags", Permission.CONSENTS_NEVER_PUBLISH.heldBy(user)
                ? neverPublish.readAmong(ids(rows), Viewer.of(user), Channel.LIST) : Map.of());
        model.addAttribute("today", SchoolTime.today());
        return "registers/consents";
    }

    @GetMapping("/people/{id:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    String pupil(@PathVariable long id, Authentication user, Model model) {
        Person pupil = consents.pupil(id);
        model.addAttribute("pupil", pupil);
        model.addAttribute("row", whoMayAppear.pupil(pupil, SchoolTime.today()));
        model.addAttribute("uses", PhotoUse.values());
        model.addAttribute("reasons", NeverPublishReason.values());
        model.addAttribute("publications", publications.of(id));
        model.addAttribute("takedowns", takedowns.of(id));
        model.addAttribute("today", SchoolTime.today());
        if (Permission.CONSENTS_NEVER_PUBLISH.heldBy(user)) {
            model.addAttribute("flag", neverPublish.read(id, Viewer.of(user), Channel.PAGE).orElse(null));
        }
        return "registers/consent-pupil";
    }

    @PostMapping("/people/{id:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String record(@PathVariable long id, @RequestParam(defaultValue = "") String use,
                  @RequestParam(defaultValue = "") String granted, @RequestParam(defaultValue = "") String givenBy,
                  @RequestParam(defaultValue = "") String pupilAgreed, @RequestParam(defaultValue = "") String givenOn,
                  @RequestParam(defaultValue = "") String expiresOn,
                  @RequestParam(name = "scan", required = false) MultipartFile scan, Authentication user,
                  RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        LocalDate on = ConsentCsv.date(givenOn.strip(), "The form's date", problems);
        LocalDate ends = ConsentCsv.date(expiresOn.strip(), "The end date", problems);
        ConsentForm form = new ConsentForm(PhotoUse.parse(use).orElse(null), "yes".equals(granted), givenBy,
                pupilAgreed.isEmpty() ? null : "yes".equals(pupilAgreed), on, ends);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return back(id, "record");
        }
        byte[] content = FormScans.bytes(scan);
        try {
            consents.record(id, form, scan == null ? null : scan.getOriginalFilename(), content, user.getName(),
                    Consents.Mode.EITHER);
            redirect.addFlashAttribute("done", "The consent form for " + form.use().label().toLowerCase() + " is recorded.");
        } catch (ConsentException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return back(id, "record");
    }

    @PostMapping("/people/{id:\\d+}/withdraw")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String withdraw(@PathVariable long id, @RequestParam(name = "use", required = false) List<String> uses,
                    @RequestParam(defaultValue = "") String withdrawnOn, @RequestParam(defaultValue = "") String withdrawnBy,
                    Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        LocalDate on = ConsentCsv.date(withdrawnOn.strip(), "The withdrawal's date", problems);
        Set<PhotoUse> chosen = EnumSet.noneOf(PhotoUse.class);
        for (String u : uses == null ? List.<String>of() : uses) {
            PhotoUse.parse(u).ifPresentOrElse(chosen::add, () -> problems.add("'" + u + "' is not a use."));
        }
        if (problems.isEmpty()) {
            try {
                List<TakedownTask> tasks = consents.withdraw(id, chosen, on, withdrawnBy, user.getName());
                redirect.addFlashAttribute("done", "The consent is withdrawn. " + (tasks.isEmpty()
                        ? "The pupil appears in no publication of those uses, so nothing has to come down."
                        : tasks.size() + (tasks.size() == 1 ? " takedown task was" : " takedown tasks were") + " created."));
                return back(id, "takedowns");
            } catch (ConsentException e) {
                problems.addAll(e.problems());
            }
        }
        redirect.addFlashAttribute("problems", problems);
        return back(id, "withdraw");
    }

    @PostMapping("/people/{id:\\d+}/never-publish")
    @PreAuthorize("hasAuthority('CONSENTS_NEVER_PUBLISH')")
    String neverPublish(@PathVariable long id, @RequestParam(defaultValue = "set") String action,
                        @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
                        Authentication user, RedirectAttributes redirect) {
        consents.pupil(id);
        try {
            if ("lift".equals(action)) {
                neverPublish.clear(id, user.getName());
                redirect.addFlashAttribute("done", "The pupil's consents apply again.");
            } else {
                NeverPublishReason r = Arrays.stream(NeverPublishReason.values())
                        .filter(x -> x.name().equals(reason)).findFirst().orElse(null);
                neverPublish.set(id, r, note, user.getName());
                redirect.addFlashAttribute("done", "The pupil must never appear in anything the school publishes.");
            }
        } catch (ConsentException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return back(id, "never-publish");
    }

    @GetMapping("/scans/{id:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    ResponseEntity<byte[]> scan(@PathVariable long id, Authentication user) {
        return scans.download(id, Viewer.of(user), Channel.PAGE);
    }

    static Set<Long> ids(List<WhoMayAppear.Pupil> rows) {
        return rows.stream().map(r -> r.pupil().id()).collect(Collectors.toSet());
    }

    private static String back(long id, String anchor) {
        return "redirect:/registers/consents/people/" + id + "#" + anchor;
    }
}
