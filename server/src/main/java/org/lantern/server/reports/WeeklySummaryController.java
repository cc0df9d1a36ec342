package org.lantern.server.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
    private final MonitoringCounts monitoring;

    WeeklySummaryController(WeeklySummaries summaries, ReportLog log, MonitoringCounts monitoring) {
        this.summaries = summaries;
        this.log = log;
        this.monitoring = monitoring;
    }

    @GetMapping("/reports/weekly")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String weekly(Authentication user, Model model) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        WeeklySummary summary = summaries.build(Viewer.of(user), now);
        log.generated("weekly", summary.from() + "/" + summary.to(), ReportLog.Format.HTML, user.getName());
        model.addAttribute("summary", summary);
        model.addAttribute("dueSoonDays", WeeklySummaries.DUE_SOON_DAYS);
        MonitoringCounts.Counts alerts = monitoring.between(now.minusDays(7), now, summary.to());
        model.addAttribute("monitoring", alerts);
        model.addAttribute("monitoringCharts", List.of(Chart.rows("chart-week-monitoring-categories", alerts.byCategory())));
        return "reports/weekly";
    }
}
