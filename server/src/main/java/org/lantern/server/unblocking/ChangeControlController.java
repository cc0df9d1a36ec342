package org.lantern.server.unblocking;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/**
 * The change-control log page and its CSV export, for governors and senior leaders. Readers who
 * may approve unblocks see named people by name; everyone else sees only how many.
 */
@Controller
class ChangeControlController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(SchoolTime.ZONE);

    private final ChangeControlLog log;

    ChangeControlController(ChangeControlLog log) {
        this.log = log;
    }

    /** The filter as typed, parsed, with any problems. */
    private record Query(String from, String to, String kind, ChangeControlLog.Filter filter, List<String> errors) {
        static Query of(String from, String to, String kind) {
            List<String> errors = new ArrayList<>();
            LocalDate start = date("From", from, errors);
            LocalDate end = date("To", to, errors);
            if (start != null && end != null && end.isBefore(start)) {
                errors.add("To: the last day must not be before the first");
            }
            ChangeControlLog.Kind parsedKind = switch (kind) {
                case "", "all" -> null;
                case "policy" -> ChangeControlLog.Kind.POLICY;
                case "unblock" -> ChangeControlLog.Kind.UNBLOCK;
                default -> {
                    errors.add("Kind: choose all, policy or unblock");
                    yield null;
                }
            };
            return new Query(from, to, kind, new ChangeControlLog.Filter(start, end, parsedKind), errors);
        }

        private static LocalDate date(String field, String text, List<String> errors) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                errors.add(field + ": '" + text + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }
    }

    @GetMapping("/change-control")
    @PreAuthorize("hasAuthority('CHANGE_CONTROL_READ')")
    String page(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String kind, Authentication user, Model model,
                HttpServletResponse response) {
        Query query = Query.of(from, to, kind);
        model.addAttribute("query", query);
        model.addAttribute("errors", query.errors());
        if (!query.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("entries", List.of());
        } else {
            model.addAttribute("entries", log.entries(query.filter(), showNames(user)));
        }
        return "unblocking/change-control";
    }

    @GetMapping("/change-control.csv")
    @PreAuthorize("hasAuthority('CHANGE_CONTROL_READ')")
    void csv(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
             @RequestParam(defaultValue = "") String kind, Authentication user, HttpServletResponse response)
            throws IOException {
        Query query = Query.of(from, to, kind);
        if (CsvDownload.refused(response, query.errors())) {
            return;
        }
        try (SafeCsv csv = CsvDownload.attachment(response, "change-control.csv")) {
            csv.row("When", "Kind", "Action", "Who", "What", "Why", "Link");
            for (ChangeControlLog.Entry e : log.entries(query.filter(), showNames(user))) {
                csv.row(CSV_TIME.format(e.at()), e.kind().label(), e.action(), e.who(),
                        e.what(), e.why(), e.link());
            }
        }
    }

    private static boolean showNames(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "UNBLOCK_APPROVE".equals(a.getAuthority()));
    }
}
