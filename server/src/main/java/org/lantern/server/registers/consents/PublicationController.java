package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.YearGroup;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the school published and the takedown tasks (under {@code /registers/consents}), and the
 * phone-friendly, printable "who may not be photographed" list for a class or a trip.
 */
@Controller
@RequestMapping("/registers/consents")
class PublicationController {

    private final Publications publications;
    private final Takedowns takedowns;
    private final WhoMayAppear whoMayAppear;
    private final TakedownDays days;

    PublicationController(Publications publications, Takedowns takedowns, WhoMayAppear whoMayAppear,
                          TakedownDays days) {
        this.publications = publications;
        this.takedowns = takedowns;
        this.whoMayAppear = whoMayAppear;
        this.days = days;
    }

    @GetMapping("/publications")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    String publications(@RequestParam(name = "class", required = false) String className, Model model) {
        PupilFilter filter = PupilFilter.read(className == null ? List.of() : List.of(className), null);
        model.addAttribute("publications", publications.list());
        model.addAttribute("uses", PhotoUse.values());
        model.addAttribute("classes", whoMayAppear.classes());
        model.addAttribute("filter", filter);
        model.addAttribute("pupils", filter.chosen()
                ? whoMayAppear.pupils(SchoolTime.today(), filter.classes(), null) : List.of());
        model.addAttribute("today", SchoolTime.today());
        return "registers/publications";
    }

    @PostMapping("/publications")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String record(@RequestParam(defaultValue = "") String use, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String publishedOn,
                  @RequestParam(defaultValue = "") String owner, @RequestParam(name = "pupil", required = false) List<Long> pupils,
                  Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        LocalDate on = ConsentCsv.date(publishedOn.strip(), "The date it was published", problems);
        if (problems.isEmpty()) {
            try {
                Publication p = publications.record(new Publications.Draft(PhotoUse.parse(use).orElse(null), title,
                        location, on, owner.isBlank() ? user.getName() : owner,
                        pupils == null ? Set.of() : new HashSet<>(pupils)), user.getName());
                redirect.addFlashAttribute("done", "\"" + p.title() + "\" is recorded with " + p.pupils().size()
                        + (p.pupils().size() == 1 ? " pupil." : " pupils."));
                return "redirect:/registers/consents/publications";
            } catch (ConsentException e) {
                problems.addAll(e.problems());
            }
        }
        redirect.addFlashAttribute("problems", problems);
        return "redirect:/registers/consents/publications#new";
    }

    @GetMapping("/takedowns")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    String takedowns(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("tasks", takedowns.list(!all));
        model.addAttribute("all", all);
        model.addAttribute("today", SchoolTime.today());
        model.addAttribute("days", days.current());
        model.addAttribute("minDays", TakedownDays.MIN);
        model.addAttribute("maxDays", TakedownDays.MAX);
        return "registers/takedowns";
    }

    @PostMapping("/takedowns/days")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String chooseDays(@RequestParam(defaultValue = "") String days, Authentication user, RedirectAttributes redirect) {
        try {
            int chosen = this.days.choose(days, user.getName());
            redirect.addFlashAttribute("done", "Takedown tasks created from now on are due " + chosen
                    + (chosen == 1 ? " day" : " days") + " after the withdrawal.");
        } catch (ConsentException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/consents/takedowns#days";
    }

    @PostMapping("/takedowns/{id:\\d+}/done")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String done(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication user,
                RedirectAttributes redirect) {
        try {
            TakedownTask t = takedowns.done(id, note, user.getName());
            redirect.addFlashAttribute("done", t.pupilName() + " is out of \"" + t.title() + "\".");
        } catch (ConsentException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/consents/takedowns";
    }

    @GetMapping("/no-photos")
    @PreAuthorize("hasAuthority('PHOTO_LIST_READ')")
    String noPhotos(@RequestParam(name = "class", required = false) List<String> classes,
                    @RequestParam(required = false) String year, @RequestParam(defaultValue = "") String trip,
                    Model model) {
        PupilFilter filter = PupilFilter.read(classes == null ? List.of() : classes, year);
        model.addAttribute("filter", filter);
        model.addAttribute("trip", trip.strip().length() > 100 ? trip.strip().substring(0, 100) : trip.strip());
        model.addAttribute("classes", whoMayAppear.classes());
        model.addAttribute("years", YearGroup.values());
        model.addAttribute("uses", PhotoUse.values());
        List<WhoMayAppear.Pupil> chosen = filter.chosen() && filter.problems().isEmpty()
                ? whoMayAppear.pupils(SchoolTime.today(), filter.classes(), filter.year()) : List.of();
        model.addAttribute("counted", chosen.size());
        model.addAttribute("rows", chosen.stream().filter(r -> !r.notAllowed().isEmpty()).toList());
        model.addAttribute("today", SchoolTime.today());
        return "registers/no-photos";
    }
}
