package org.lantern.server.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The governors' annual report as JSON: {@code GET /api/v1/reports/governors?year=2024}. */
@RestController
class ReportApiController {

    private final GovernorsReports reports;
    private final ReportLog log;

    ReportApiController(GovernorsReports reports, ReportLog log) {
        this.reports = reports;
        this.log = log;
    }

    @GetMapping("/api/v1/reports/governors")
    @PreAuthorize("hasAuthority('REPORTS_ANONYMISED')")
    @Operation(summary = "The anonymised annual report to governors",
            description = "Counts of incidents for one UK school year (1 September to 31 August) by month, category, "
                    + "action and year group, with no names or identifiers. Counts of 1 or 2 are given as \"<3\" with "
                    + "no value, and further counts are withheld where a total would reveal them. Each call is logged.")
    GovernorsReport governors(
            @Parameter(description = "the school year starting in September of this year, e.g. 2024 for 2024/25 "
                    + "(default: the current school year)")
            @RequestParam(required = false) Integer year, Authentication user) {
        SchoolYear chosen = GovernorsReportController.chosen(year);
        GovernorsReport report = reports.build(chosen);
        log.generated(GovernorsReportController.REPORT, chosen.label(), ReportLog.Format.JSON, user.getName());
        return report;
    }
}
