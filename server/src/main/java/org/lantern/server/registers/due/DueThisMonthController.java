package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import org.lantern.server.http.SchoolTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Due this month": every register's review dates to the end of this month, the overdue first. */
@Controller
class DueThisMonthController {

    private final List<DueDates> registers;

    DueThisMonthController(List<DueDates> registers) {
        this.registers = registers;
    }

    @GetMapping("/registers/due")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    String due(Model model) {
        LocalDate today = SchoolTime.today();
        LocalDate until = YearMonth.from(today).atEndOfMonth();
        model.addAttribute("today", today);
        model.addAttribute("due", registers.stream().flatMap(r -> r.dueBy(until).stream())
                .sorted(Comparator.comparing(DueDates.Due::due)).toList());
        return "registers/due";
    }
}
