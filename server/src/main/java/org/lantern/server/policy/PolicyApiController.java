package org.lantern.server.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.lantern.policy.PolicyJson;
import org.lantern.policy.PolicyParser;
import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only REST access to the policy in force and its history, for the enforcement components
 * and integrations. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyApiController {

    private final PolicyService policies;

    PolicyApiController(PolicyService policies) {
        this.policies = policies;
    }

    /**
     * A policy version as served: its metadata and the policy as JSON.
     *
     * @param version      version number
     * @param author       who made it
     * @param createdAt    when it came into force
     * @param reason       why
     * @param restoredFrom the version it restores, if any
     * @param policy       the policy document, null in listings
     */
    record VersionView(int version, String author, Instant createdAt, String reason, Integer restoredFrom,
                       JsonNode policy) {
        static VersionView of(PolicyVersion v, boolean withPolicy) {
            return new VersionView(v.number(), v.author(), v.createdAt(), v.reason(), v.restoredFrom(),
                    withPolicy ? PolicyJson.toTree(PolicyParser.parse(v.yaml())) : null);
        }
    }

    /** The JSON Schema every policy document is validated against: published, so anyone may read it. */
    @GetMapping(value = "/schema", produces = "application/schema+json")
    String schema() {
        return PolicyParser.schema();
    }

    @GetMapping("/current")
    @PreAuthorize("hasAuthority('POLICY_READ')")
    VersionView current() {
        return VersionView.of(policies.current().orElseThrow(() -> new NoSuchElementException("no policy version exists")),
                true);
    }

    @GetMapping("/versions")
    @PreAuthorize("hasAuthority('POLICY_READ')")
    List<VersionView> versions() {
        return policies.versions().stream().map(v -> VersionView.of(v, false)).toList();
    }

    @GetMapping("/versions/{number}")
    @PreAuthorize("hasAuthority('POLICY_READ')")
    VersionView version(@PathVariable int number) {
        return VersionView.of(policies.version(number)
                .orElseThrow(() -> new NoSuchElementException("no policy version " + number)), true);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Policy version not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden() {
        return Problems.titled(HttpStatus.FORBIDDEN, "Forbidden",
                "Reading the policy needs the POLICY_READ permission.");
    }
}
