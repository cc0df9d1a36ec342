package org.lantern.server.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.lantern.server.http.Problems;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Alerts for integrations (for example a school's safeguarding system polling for new ones).
 * Each alert returned is logged as a look, as on the pages.
 */
@RestController
class AlertApiController {

    private static final int MAX_SIZE = 200;

    private final AlertRegister alerts;

    AlertApiController(AlertRegister alerts) {
        this.alerts = alerts;
    }

    /** Filters that could not be read. */
    static final class BadFilter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadFilter(String message) {
            super(message);
        }
    }

    @GetMapping("/api/v1/alerts")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    @Operation(summary = "List filter alerts, newest first",
            description = "Alerts raised by the web filter (illegal content, 'Unacceptable and illegal' activities, "
                    + "persistent attempts to get round the filter), with who, what, when, the rule and list entry "
                    + "that decided, the policy version, whether it was acknowledged and whether the DSL was emailed. "
                    + "Each alert returned is logged as seen by the caller.")
    AlertRegister.Page list(
            @Parameter(description = "new, acknowledged or all (default all)") @RequestParam(defaultValue = "") String status,
            @Parameter(description = "ILLEGAL_CONTENT, ILLEGAL_ACTIVITY, PERSISTENT_BYPASS, SAFEGUARDING_RISK or SAFEGUARDING_ILLEGAL (default all)")
            @RequestParam(defaultValue = "") String kind,
            @Parameter(description = "First day, YYYY-MM-DD (UK time)") @RequestParam(defaultValue = "") String from,
            @Parameter(description = "Last day, YYYY-MM-DD (UK time), inclusive") @RequestParam(defaultValue = "") String to,
            @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Alerts per page, 1 to 200 (default 50)") @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        if (size < 1 || size > MAX_SIZE) {
            throw new BadFilter("size: must be from 1 to " + MAX_SIZE);
        }
        AlertFilters filters = AlertFilters.parse(status, kind, from, to, page, size);
        if (!filters.errors().isEmpty()) {
            throw new BadFilter(String.join(" ", filters.errors()));
        }
        return alerts.list(filters.query(), Viewer.of(user), Channel.API);
    }

    @ExceptionHandler(BadFilter.class)
    ProblemDetail badFilter(BadFilter e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The alerts could not be listed", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badNumber(MethodArgumentTypeMismatchException e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The alerts could not be listed",
                e.getName() + ": '" + e.getValue() + "' is not a whole number");
    }
}
