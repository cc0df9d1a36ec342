package org.lantern.server.dataprotection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The breach register pages under {@code /data-protection/breaches}. Times on forms are school time. */
@Controller
@RequestMapping("/data-protection/breaches")
class BreachController {

    private final BreachRegister register;

    BreachController(BreachRegister register) {
        this.register = register;
    }

    /** The new-breach form as typed. */
    record BreachForm(String occurredAt, String awareAt, String summary, String dataInvolved, String peopleAffected) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String list(Model model) {
        model.addAttribute("breaches", register.list());
        model.addAttribute("now", Instant.now());
        return "dataprotection/breaches";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String form(@ModelAttribute("form") BreachForm form, Model model) {
        model.addAttribute("problems", List.of());
        return "dataprotection/breach-new";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String record(@ModelAttribute("form") BreachForm form, Authentication user, Model model) {
        List<String> problems = new ArrayList<>();
        OffsetDateTime occurred = FormTimes.dateTime(form.occurredAt(), "When it happened", problems);
        OffsetDateTime aware = FormTimes.dateTime(form.awareAt(), "When the school became aware", problems);
        Integer people = FormTimes.number(form.peopleAffected(), "How many people", problems);
        try {
            if (problems.isEmpty()) {
                Breach breach = register.record(new BreachRegister.NewBreach(occurred, aware, form.summary(),
                        form.dataInvolved(), people), user.getName());
                return "redirect:/data-protection/breaches/" + breach.id() + "?recorded";
            }
        } catch (DataProtectionException e) {
            problems.addAll(e.problems());
        }
        model.addAttribute("problems", problems);
        return "dataprotection/breach-new";
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String breach(@PathVariable long id, Model model) {
        Breach breach = register.get(id);
        Instant now = Instant.now();
        model.addAttribute("breach", breach);
        model.addAttribute("overdue", breach.overdue(now));
        model.addAttribute("countdown", Countdown.describe(breach.remaining(now)));
        model.addAttribute("decisions", IcoDecision.values());
        return "dataprotection/breach";
    }

    @PostMapping("/{id:\\d+}/decision")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String decide(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reasons, Authentication user, RedirectAttributes redirect) {
        IcoDecision chosen = IcoDecision.parse(decision).orElse(null);
        return RecordPageRedirects.change(page(id), redirect, "Decision recorded.",
                () -> register.decide(id, chosen, reasons, user.getName()));
    }

    @PostMapping("/{id:\\d+}/report")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String reported(@PathVariable long id, @RequestParam(defaultValue = "") String reportedAt,
                    @RequestParam(defaultValue = "") String reference, Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        OffsetDateTime at = FormTimes.dateTime(reportedAt, "When it was reported", problems);
        if (!problems.isEmpty()) {
            return RecordPageRedirects.problems(page(id), redirect, problems);
        }
        return RecordPageRedirects.change(page(id), redirect, "Report to the ICO recorded.",
                () -> register.reported(id, at, reference, user.getName()));
    }

    @PostMapping("/{id:\\d+}/follow-up")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String followUp(@PathVariable long id, @RequestParam(defaultValue = "") String peopleInformed,
                    @RequestParam(defaultValue = "") String actionsTaken, Authentication user, RedirectAttributes redirect) {
        return RecordPageRedirects.change(page(id), redirect, "Saved.",
                () -> register.followUp(id, peopleInformed, actionsTaken, user.getName()));
    }

    private static String page(long id) {
        return "/data-protection/breaches/" + id;
    }
}
