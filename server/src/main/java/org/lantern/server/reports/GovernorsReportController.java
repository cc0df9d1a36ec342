package org.lantern.server.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.lantern.server.people.People;
import org.lantern.server.policy.PolicyService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The governors' annual report as a page with charts ({@code /reports/governors?year=2024} is the
 * school year from September 2024) and as a PDF download. Each generation is logged.
 */
@Controller
class GovernorsReportController {

    static final String REPORT = "governors";
    private static final int YEARS_OFFERED = 6;

    private final GovernorsReports reports;
    private final ReportLog log;
    private final PdfRenderer pdf;
    private final PolicyService policies;
    private final FilteringOversight oversight;
    private final MonitoringCounts monitoring;

    GovernorsReportController(GovernorsReports reports, ReportLog log, PdfRenderer pdf, PolicyService policies,
                              FilteringOversight oversight, MonitoringCounts monitoring) {
        this.reports = reports;
        this.log = log;
        this.pdf = pdf;
        this.policies = policies;
        this.oversight = oversight;
        this.monitoring = monitoring;
    }

    @GetMapping("/reports/governors")
    @PreAuthorize("hasAuthority('REPORTS_ANONYMISED')")
    String page(@RequestParam(required = false) Integer year, Authentication user, Model model) {
        SchoolYear chosen = chosen(year);
        GovernorsReport report = reports.build(chosen);
        log.generated(REPORT, chosen.label(), ReportLog.Format.HTML, user.getName());
        int current = SchoolYear.current().startYear();
        model.addAttribute("report", report);
        policies.reviewOverdue().ifPresent(review -> model.addAttribute("review", review));
        FilteringOversight.Oversight counts = oversight.build(chosen);
        model.addAttribute("oversight", counts);
        model.addAttribute("oversightCharts", List.of(Chart.rows("chart-blocked-categories", counts.blockedByCategory()),
                Chart.columns("chart-bypass-months", counts.bypassByMonth()),
                Chart.rows("chart-alert-kinds", counts.alertsByKind()),
                Chart.rows("chart-unblocks", counts.unblocksByOutcome())));
        MonitoringCounts.Counts alerts = monitoring.year(chosen, People.today());
        model.addAttribute("monitoring", alerts);
        model.addAttribute("monitoringCharts", List.of(Chart.rows("chart-monitoring-categories", alerts.byCategory()),
                Chart.rows("chart-monitoring-years", alerts.byYear())));
        model.addAttribute("copies", log.of(REPORT).stream().filter(g -> g.period().equals(chosen.label())).toList());
        model.addAttribute("years", IntStream.range(0, YEARS_OFFERED).mapToObj(i -> new SchoolYear(current - i)).toList());
        model.addAttribute("charts", List.of(Chart.columns("chart-months", report.byMonth()),
                Chart.rows("chart-pupil-categories", report.pupilCategories()),
                Chart.rows("chart-staff-categories", report.staffCategories())));
        return "reports/governors";
    }

    @GetMapping("/reports/governors.pdf")
    @PreAuthorize("hasAuthority('REPORTS_ANONYMISED')")
    ResponseEntity<byte[]> download(@RequestParam(required = false) Integer year, Authentication user) {
        SchoolYear chosen = chosen(year);
        GovernorsReport report = reports.build(chosen);
        log.generated(REPORT, chosen.label(), ReportLog.Format.PDF, user.getName());
        Map<String, Object> model = new HashMap<>(Map.of("report", report, "oversight", oversight.build(chosen),
                "monitoring", monitoring.year(chosen, People.today())));
        policies.reviewOverdue().ifPresent(review -> model.put("review", review));
        byte[] body = pdf.render("reports/governors-pdf", model);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("governors-report-" + chosen.startYear() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    /** The school year asked for, or the current one; 400 for a year no school report can cover. */
    static SchoolYear chosen(Integer year) {
        if (year == null) {
            return SchoolYear.current();
        }
        try {
            return new SchoolYear(year);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
