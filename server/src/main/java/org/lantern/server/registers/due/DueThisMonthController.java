package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.RegisterException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Due this month": every register's review dates to the end of this month, the overdue first, as a
 * page and in the API, for anyone who may open some register's items; each item only for those whose
 * permissions open its register. The page also shows, and lets those who keep the registers choose,
 * when the weekly email to owners goes.
 */
@Controller
class DueThisMonthController {

    /** Whoever may open some register's items; each is then shown only those ({@link DueThisMonth#mayOpen}). */
    private static final String MAY_OPEN = "@dueThisMonth.mayOpen(authentication)";

    private final DueThisMonth due;
    private final DueMailTime mailTime;

    DueThisMonthController(DueThisMonth due, DueMailTime mailTime) {
        this.due = due;
        this.mailTime = mailTime;
    }

    /**
     * One item due, as the API gives it.
     *
     * @param what    what is due, in words
     * @param due     the day it is due by
     * @param overdue whether that day has passed
     * @param link    the page where it is done
     * @param owner   who does it, in words
     */
    record Item(String what, LocalDate due, boolean overdue, String link, String owner) {
    }

    @GetMapping("/registers/due")
    @PreAuthorize(MAY_OPEN)
    String due(Authentication user, Model model) {
        LocalDate today = SchoolTime.today();
        model.addAttribute("today", today);
        model.addAttribute("due", due.dueFor(today, user));
        model.addAttribute("mailTime", mailTime.current());
        model.addAttribute("days", DueMailTime.days());
        return "registers/due";
    }

    /** Chooses the day and hour of the weekly email; a refusal comes back to the page with its reasons. */
    @PostMapping("/registers/due/email")
    @PreAuthorize("hasAuthority('DUE_MAIL_MANAGE')")
    String chooseMailTime(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String hour,
                          Authentication user, RedirectAttributes redirect) {
        try {
            DueMailTime.Setting chosen = mailTime.choose(day, hour, user.getName());
            redirect.addFlashAttribute("done", "The weekly email goes each " + chosen.label() + " from now on.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/due#email";
    }

    @GetMapping("/api/v1/registers/due")
    @PreAuthorize(MAY_OPEN)
    @ResponseBody
    @Operation(summary = "What is due this month in the registers the caller may open",
            description = "Review and renewal dates from every register to the end of this month, overdue ones "
                    + "included, earliest first; only items in registers the caller's role may open. Counts and "
                    + "titles, never a pupil's name.")
    List<Item> api(Authentication user) {
        LocalDate today = SchoolTime.today();
        return due.dueFor(today, user).stream()
                .map(d -> new Item(d.what(), d.due(), d.due().isBefore(today), d.link(), d.owner())).toList();
    }
}
