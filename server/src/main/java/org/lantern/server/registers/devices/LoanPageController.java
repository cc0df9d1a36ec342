package org.lantern.server.registers.devices;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.dataprotection.FormTimes;
import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Viewer;
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
 * The loans register's pages under {@code /registers/loans}: the loans out (overdue first, and
 * those asked back with their 72-hour countdown), their CSV export, and a loan's page where it is
 * returned, asked back, or reported lost or stolen.
 */
@Controller
@RequestMapping("/registers/loans")
class LoanPageController {

    private final Loans loans;
    private final LossReports losses;
    private final OverdueLoanMail mail;

    LoanPageController(Loans loans, LossReports losses, OverdueLoanMail mail) {
        this.loans = loans;
        this.losses = losses;
        this.mail = mail;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    String list(Model model) {
        LocalDate today = loans.today();
        List<Loan> open = loans.open();
        model.addAttribute("today", today);
        model.addAttribute("now", loans.now().toInstant());
        model.addAttribute("requested", open.stream().filter(Loan::returnRequested)
                .sorted(Comparator.comparing(Loan::returnDueAt)).toList());
        model.addAttribute("overdue", open.stream().filter(l -> l.overdue(today) && !l.returnRequested()).toList());
        model.addAttribute("out", open.stream().filter(l -> !l.overdue(today) && !l.returnRequested()).toList());
        model.addAttribute("emailed", mail.enabled());
        return "registers/devices/loans";
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    void export(HttpServletResponse response) throws IOException {
        try (SafeCsv csv = CsvDownload.attachment(response, "loans-" + loans.today() + ".csv")) {
            DeviceViews.loanCsv(csv, loans.all(), loans.today());
        }
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('DEVICES_READ')")
    String loan(@PathVariable long id, Model model) {
        Loan loan = loans.get(id);
        model.addAttribute("loan", loan);
        model.addAttribute("today", loans.today());
        model.addAttribute("now", loans.now().toInstant());
        if (loan.open()) {
            model.addAttribute("categories", losses.categoriesFor(loan));
            model.addAttribute("suggested", losses.suggestedCategory(loan).orElse(null));
        }
        return "registers/devices/loan";
    }

    @PostMapping("/{id:\\d+}/return")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String giveBack(@PathVariable long id, @RequestParam(defaultValue = "") String returnedOn,
                    @RequestParam(defaultValue = "") String conditionBack, Authentication user,
                    RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        LocalDate on = FormTimes.date(returnedOn, "The day it came back", problems);
        try {
            if (!problems.isEmpty()) {
                throw DeviceException.of(problems);
            }
            loans.giveBack(id, on, conditionBack, user.getName());
            redirect.addFlashAttribute("done", "Returned: the device is available again.");
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/loans/" + id;
    }

    @PostMapping("/{id:\\d+}/return-request")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String requestReturn(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            Loan loan = loans.requestReturn(id, user.getName());
            redirect.addFlashAttribute("done", "Return requested: due back by " + SchoolTime.when(loan.returnDueAt()) + ".");
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/loans/" + id;
    }

    @PostMapping("/{id:\\d+}/loss")
    @PreAuthorize("hasAuthority('DEVICES_MANAGE')")
    String loss(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String lostAt, @RequestParam(defaultValue = "") String policeReference,
                @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String categoryId,
                @RequestParam(defaultValue = "") String personalData, @RequestParam(defaultValue = "") String dataInvolved,
                @RequestParam(defaultValue = "") String peopleAffected, Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        OffsetDateTime at = FormTimes.dateTime(lostAt, "When it was lost or stolen", problems);
        Integer affected = FormTimes.number(peopleAffected, "How many people's data", problems);
        Boolean personal = switch (personalData) {
            case "yes" -> true;
            case "no" -> false;
            default -> null;
        };
        LossKind lossKind = LossKind.parse(kind).orElse(null);
        try {
            if (!problems.isEmpty()) {
                throw DeviceException.of(problems);
            }
            Loan loan = losses.record(id, new LossReport(lossKind, at, policeReference, description, categoryId, personal,
                    dataInvolved, affected), Viewer.of(user));
            redirect.addFlashAttribute("done", "Recorded " + loan.lossKind().label().toLowerCase(Locale.ROOT)
                    + ": incident " + loan.incidentId() + " opened" + (loan.breachId() == null ? "."
                    : ", and breach " + loan.breachId() + " with the ICO's 72-hour clock."));
        } catch (DeviceException e) {
            redirect.addFlashAttribute("problemsLoss", e.problems());
            redirect.addFlashAttribute("loss", new LossForm(kind, lostAt, policeReference, description, categoryId,
                    personalData, dataInvolved, peopleAffected));
            return "redirect:/registers/loans/" + id + "#loss";
        }
        return "redirect:/registers/loans/" + id;
    }

    /** The loss form as typed, shown again when refused. */
    record LossForm(String kind, String lostAt, String policeReference, String description, String categoryId,
                    String personalData, String dataInvolved, String peopleAffected) {
    }
}
