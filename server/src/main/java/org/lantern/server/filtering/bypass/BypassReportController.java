package org.lantern.server.filtering.bypass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.FilterDays;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/**
 * The bypass-attempt report for the safeguarding team, the headteacher and the network manager:
 * attempts per day (chart and table), per category and per host, who made most, and a CSV
 * export. Who made them is shown only to those who read safeguarding records
 * ({@link Permission#INCIDENT_READ_ALL}); the network manager sees the routes, not the people.
 */
@Controller
class BypassReportController {

    static final ZoneId ZONE = SchoolTime.ZONE;
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;
    private static final int TOP = 10;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);

    private final BypassAttempts attempts;

    BypassReportController(BypassAttempts attempts) {
        this.attempts = attempts;
    }

    /** The period as typed, parsed, with any problems. */
    record Period(String fromText, String toText, LocalDate from, LocalDate to, List<String> errors) {
        static Period of(String fromText, String toText, LocalDate today) {
            List<String> errors = new ArrayList<>();
            LocalDate to = FilterDays.parse("To", toText, errors);
            LocalDate from = FilterDays.parse("From", fromText, errors);
            if (to == null) {
                to = today;
            }
            if (from == null) {
                from = to.minusDays(DEFAULT_DAYS - 1);
            }
            if (to.isBefore(from)) {
                errors.add("To: the last day must not be before the first.");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.add("The period can be at most " + MAX_DAYS + " days.");
            }
            return new Period(fromText, toText, from, to, errors);
        }
    }

    @GetMapping("/filtering/bypass-attempts")
    @PreAuthorize("hasAuthority('BYPASS_REPORT_READ')")
    String page(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                Authentication user, Model model, HttpServletResponse response) {
        Period period = Period.of(from, to, LocalDate.now(ZONE));
        boolean names = showNames(user);
        model.addAttribute("period", period);
        model.addAttribute("names", names);
        if (!period.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "filtering/bypass-attempts";
        }
        BypassReport report = attempts.report(period.from(), period.to(), ZONE, TOP);
        model.addAttribute("report", report);
        model.addAttribute("chart", BarChart.of(report));
        if (names) {
            attempts.logNamedView(accountId(user), user.getName(), "PAGE");
        }
        return "filtering/bypass-attempts";
    }

    @GetMapping("/filtering/bypass-attempts.csv")
    @PreAuthorize("hasAuthority('BYPASS_REPORT_READ')")
    void csv(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
             Authentication user, HttpServletResponse response) throws IOException {
        Period period = Period.of(from, to, LocalDate.now(ZONE));
        if (CsvDownload.refused(response, period.errors())) {
            return;
        }
        boolean names = showNames(user);
        if (names) {
            attempts.logNamedView(accountId(user), user.getName(), "CSV");
        }
        try (SafeCsv csv = CsvDownload.attachment(response,
                "bypass-attempts-" + period.from() + "-to-" + period.to() + ".csv")) {
            if (names) {
                csv.row("When", "Person", "Proxy user", "Client IP", "Host", "Category", "Rule", "Action");
            } else {
                csv.row("When", "Host", "Category", "Rule", "Action");
            }
            attempts.forEach(period.from().atStartOfDay(ZONE).toInstant(),
                    period.to().plusDays(1).atStartOfDay(ZONE).toInstant(), a -> {
                        try {
                            if (names) {
                                csv.row(CSV_TIME.format(a.at()), a.subjectName(), a.proxyUser(),
                                        a.clientIp(), a.host(), a.category(), a.rule(), a.action());
                            } else {
                                csv.row(CSV_TIME.format(a.at()), a.host(), a.category(), a.rule(),
                                        a.action());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    private static boolean showNames(Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(a -> Permission.INCIDENT_READ_ALL.authority().equals(a.getAuthority()));
    }

    private static long accountId(Authentication user) {
        return ((AccountPrincipal) user.getPrincipal()).id();
    }
}
