package org.lantern.server.identity;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The logon audit as JSON, for a SIEM or a script: {@code GET /api/v1/audit/logons}. */
@RestController
class LogonAuditApiController {

    static final int MAX_LIMIT = 1000;

    private final LogonAudit audit;

    LogonAuditApiController(LogonAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit/logons")
    @PreAuthorize("hasAuthority('LOGON_HISTORY_READ')")
    @Operation(summary = "Logon attempts, newest first", description = "Every sign-in attempt with its UTC time, source IP, user agent and outcome.")
    List<LogonAudit.LogonAttempt> logons(
            @Parameter(description = "exact username") @RequestParam(required = false) String username,
            @Parameter(description = "one outcome, e.g. BAD_PASSWORD") @RequestParam(required = false) String outcome,
            @Parameter(description = "at most this many (1-1000, default 100)") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        LogonOutcome chosen = null;
        if (outcome != null && !outcome.isBlank()) {
            chosen = LogonAuditController.parseOutcome(outcome);
            if (chosen == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "outcome must be one of " + Arrays.toString(LogonOutcome.values()));
            }
        }
        String user = username == null || username.isBlank() ? null : username.strip();
        return audit.search(user, chosen, limit, 0);
    }
}
