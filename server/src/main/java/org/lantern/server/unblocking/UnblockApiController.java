package org.lantern.server.unblocking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unblock requests over REST, for integrations (e.g. a learning platform asking on a teacher's
 * behalf). Asking needs UNBLOCK_REQUEST; listing needs UNBLOCK_APPROVE because requests may name
 * pupils. Decisions are made on the {@code /unblock} page, by a person. Errors are RFC 9457 problem
 * details; a refused request's {@code errors} property lists every problem.
 */
@RestController
@RequestMapping("/api/v1/unblocks")
@Tag(name = "Unblocks", description = "Temporary, audited unblocks for a period of study")
class UnblockApiController {

    private final Unblocks unblocks;

    UnblockApiController(Unblocks unblocks) {
        this.unblocks = unblocks;
    }

    /**
     * A request to unblock a site.
     *
     * @param url       the address, any form a browser accepts
     * @param scope     DOMAIN (whole site) or URL_PREFIX (this address and below)
     * @param groups    policy group ids
     * @param personIds directory ids of named people
     * @param reason    why, at most 1000 characters
     * @param from      start; omitted or past means now
     * @param until     end, at most 90 days after the start
     */
    record NewUnblock(@Schema(example = "https://www.begambleaware.org/") String url,
                      @Schema(example = "DOMAIN") Scope scope,
                      @Schema(example = "[\"ks4\"]") List<String> groups,
                      List<Long> personIds,
                      @Schema(example = "Year 10 maths: probability and gambling harms") String reason,
                      Instant from, Instant until) {
    }

    /** A stored request as the API shows it. */
    record UnblockJson(long id, String target, Scope scope, List<String> groups, List<Long> personIds, String reason,
                       Instant from, Instant until, String requestedBy, Instant requestedAt, String status,
                       String decidedBy, Instant decidedAt, String decisionReason) {
        static UnblockJson of(UnblockRequest r) {
            return new UnblockJson(r.id(), r.target(), r.scope(), r.groupIds(), r.personIds(), r.reason(), r.from(),
                    r.until(), r.requestedBy(), r.requestedAt(), r.status().name(), r.decidedBy(), r.decidedAt(),
                    r.decisionReason());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('UNBLOCK_APPROVE')")
    @Operation(summary = "List unblock requests, newest first")
    List<UnblockJson> list(@Parameter(description = "REQUESTED, GRANTED, REFUSED, WITHDRAWN or EXPIRED; omit for all")
                           @RequestParam(required = false) String status) {
        UnblockStatus parsed = null;
        if (status != null) {
            try {
                parsed = UnblockStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UnblockRejectedException("status: use REQUESTED, GRANTED, REFUSED, WITHDRAWN or EXPIRED");
            }
        }
        return unblocks.list(parsed).stream().map(UnblockJson::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('UNBLOCK_REQUEST')")
    @Operation(summary = "Ask for a site to be unblocked for a period of study",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Recorded, waiting for an approver"),
                    @ApiResponse(responseCode = "422", description = "Refused: invalid, or illegal content (recorded)")})
    ResponseEntity<UnblockJson> create(@RequestBody NewUnblock body, Principal principal) {
        UnblockRequest saved = unblocks.request(new UnblockDraft(body.url(), body.scope(), body.groups(),
                body.personIds(), body.reason(), body.from(), body.until()), principal.getName(), Instant.now());
        return ResponseEntity.created(URI.create("/api/v1/unblocks/" + saved.id())).body(UnblockJson.of(saved));
    }

    @ExceptionHandler(UnblockRejectedException.class)
    ProblemDetail rejected(UnblockRejectedException e) {
        ProblemDetail problem = Problems.titled(HttpStatus.UNPROCESSABLE_ENTITY, "Unblock request not accepted",
                e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(IllegalContentRefusedException.class)
    ProblemDetail illegal(IllegalContentRefusedException e) {
        ProblemDetail problem = Problems.titled(HttpStatus.UNPROCESSABLE_ENTITY, "Illegal content cannot be unblocked",
                e.getMessage());
        problem.setProperty("requestId", e.requestId());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not an unblock request: send JSON with url, scope (DOMAIN or URL_PREFIX), groups, "
                        + "personIds, reason, from and until (ISO-8601 instants)");
    }
}
