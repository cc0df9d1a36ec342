package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.lantern.server.http.SchoolTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Due this month": every register's review dates to the end of this month, the overdue first, as a
 * page and in the API; each item only for those whose permissions open its register.
 */
@Controller
class DueThisMonthController {

    private final DueThisMonth due;

    DueThisMonthController(DueThisMonth due) {
        this.due = due;
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
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    String due(Authentication user, Model model) {
        LocalDate today = SchoolTime.today();
        model.addAttribute("today", today);
        model.addAttribute("due", due.dueFor(today, user));
        return "registers/due";
    }

    @GetMapping("/api/v1/registers/due")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
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
