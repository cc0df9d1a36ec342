package org.lantern.server.identity;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The logon history page: every sign-in attempt, newest first, filtered by username and outcome. */
@Controller
class LogonAuditController {

    static final int PAGE_SIZE = 50;

    private final LogonAudit audit;

    LogonAuditController(LogonAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/audit/logons")
    @PreAuthorize("hasAuthority('LOGON_HISTORY_READ')")
    String logons(@RequestParam(required = false) String username, @RequestParam(required = false) String outcome,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        String user = username == null || username.isBlank() ? null : username.strip();
        LogonOutcome chosen = null;
        if (outcome != null && !outcome.isBlank()) {
            chosen = parseOutcome(outcome);
            if (chosen == null) {
                model.addAttribute("outcomeError", "Choose an outcome from the list.");
            }
        }
        int current = Math.max(1, page);
        List<LogonAudit.LogonAttempt> rows = model.containsAttribute("outcomeError") ? List.of()
                : audit.search(user, chosen, PAGE_SIZE + 1, (current - 1) * PAGE_SIZE);
        model.addAttribute("attempts", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("username", user == null ? "" : user);
        model.addAttribute("outcome", chosen == null ? "" : chosen.name());
        model.addAttribute("outcomes", LogonOutcome.values());
        return "identity/logons";
    }

    static LogonOutcome parseOutcome(String value) {
        try {
            return LogonOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
