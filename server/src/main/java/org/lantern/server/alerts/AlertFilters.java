package org.lantern.server.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lantern.server.http.FilterDays;
import org.lantern.server.http.SchoolTime;

/**
 * The alert filters as typed on the page or in the API, parsed, with a plain message for each one
 * that could not be read. Days are school days (UK time), {@code to} inclusive.
 *
 * @param status   {@code new}, {@code in-review}, {@code closed} or empty for all
 * @param kind     an {@link AlertKind} name (any case) or empty for all
 * @param assignee an account id, {@code none} for alerts nobody is assigned, or empty for all
 * @param from     first day, {@code YYYY-MM-DD}, or empty
 * @param to       last day, or empty
 * @param query    the parsed query
 * @param errors   what could not be read; the query is not run when there are any
 */
record AlertFilters(String status, String kind, String from, String to, String assignee, AlertRegister.Query query,
                    List<String> errors) {

    static AlertFilters parse(String status, String kind, String from, String to, String assignee, int page, int size) {
        List<String> errors = new ArrayList<>();
        AlertStatus parsedStatus = null;
        if (!status.isBlank() && !"all".equalsIgnoreCase(status.strip())) {
            parsedStatus = AlertStatus.parse(status).orElse(null);
            if (parsedStatus == null) {
                errors.add("Status: choose new, in review, closed or all.");
            }
        }
        Long assigneeId = null;
        boolean unassigned = false;
        String who = assignee.strip().toLowerCase(Locale.ROOT);
        if (who.equals("none")) {
            unassigned = true;
        } else if (!who.isEmpty() && !who.equals("all")) {
            try {
                assigneeId = Long.parseLong(who);
            } catch (NumberFormatException e) {
                errors.add("Assignee: choose a member of the DSL's team, none or all.");
            }
        }
        AlertKind parsedKind = null;
        if (!kind.isBlank() && !"all".equalsIgnoreCase(kind.strip())) {
            try {
                parsedKind = AlertKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("Kind: choose one of the kinds listed.");
            }
        }
        LocalDate first = FilterDays.parse("From", from, errors);
        LocalDate last = FilterDays.parse("To", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add("To: the last day must not be before the first.");
        }
        if (page < 0) {
            errors.add("Page: must be 0 or more.");
        }
        AlertRegister.Query query = new AlertRegister.Query(parsedStatus, parsedKind,
                first == null ? null : first.atStartOfDay(SchoolTime.ZONE).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(SchoolTime.ZONE).toInstant(), assigneeId, unassigned,
                Math.max(0, page), size);
        return new AlertFilters(status, kind, from, to, assignee, query, List.copyOf(errors));
    }
}
