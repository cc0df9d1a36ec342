package org.lantern.server.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.lantern.server.incidents.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The DSL's weekly summary page, {@code /reports/weekly}. */
@Controller
class WeeklySummaryController {

    private final WeeklySummaries summaries;
    private final ReportLog log;

    WeeklySummaryController(WeeklySummaries summaries, ReportLog log) {
        this.summaries = summaries;
        this.log = log;
    }

    @GetMapping("/reports/weekly")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String weekly(Authentication user, Model model) {
        WeeklySummary summary = summaries.build(Viewer.of(user), OffsetDateTime.now(ZoneOffset.UTC));
        log.generated("weekly", summary.from() + "/" + summary.to(), ReportLog.Format.HTML, user.getName());
        model.addAttribute("summary", summary);
        model.addAttribute("dueSoonDays", WeeklySummaries.DUE_SOON_DAYS);
        return "reports/weekly";
    }
}
