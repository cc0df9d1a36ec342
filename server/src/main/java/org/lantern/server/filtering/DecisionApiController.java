package org.lantern.server.filtering;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks the live filter what it would do with a URL for a person at a time, and why: for technical
 * staff checking a complaint ("why is this blocked for Year 8?") and for integrations. Nothing is
 * logged as browsing: this is a question about the filter, not a request by the person.
 */
@RestController
class DecisionApiController {

    private final FilterService filter;

    DecisionApiController(FilterService filter) {
        this.filter = filter;
    }

    /** A refused question: the reason in plain words. */
    static final class BadQuestion extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadQuestion(String message) {
            super(message);
        }
    }

    @GetMapping("/api/v1/decision")
    @PreAuthorize("hasAuthority('FILTER_CHECK')")
    @Operation(summary = "Explain what the filter would do with a URL",
            description = "The decision of the filter in force (policy, lists, people, unblocks) for a URL, "
                    + "requested by a proxy user or from a client IP at a time: the action, the reason, "
                    + "the list entry and policy row that decided it and the policy version.")
    DecisionView decision(
            @Parameter(description = "The URL, as a browser would request it") @RequestParam String url,
            @Parameter(description = "Proxy user name of the person asking (optional)") @RequestParam(required = false) String user,
            @Parameter(description = "Client IP address (optional)") @RequestParam(required = false) String ip,
            @Parameter(description = "When, as an ISO-8601 instant such as 2025-03-04T10:15:00Z (default: now)")
            @RequestParam(required = false) String at) {
        Instant when;
        try {
            when = at == null || at.isBlank() ? Instant.now() : Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new BadQuestion("at: \"" + at + "\" is not an ISO-8601 instant such as 2025-03-04T10:15:00Z");
        }
        try {
            return DecisionView.of(filter.decide(
                    DecisionRequest.of(url, "GET", blankToNull(user), blankToNull(ip), when)));
        } catch (MalformedUrlException e) {
            throw new BadQuestion("url: the address cannot be read (" + e.reason() + "): " + e.getMessage());
        }
    }

    @ExceptionHandler(BadQuestion.class)
    ProblemDetail badQuestion(BadQuestion e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The question cannot be answered", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The question cannot be answered",
                e.getParameterName() + ": required");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
