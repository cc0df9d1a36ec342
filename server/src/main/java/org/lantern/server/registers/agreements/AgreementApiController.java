package org.lantern.server.registers.agreements;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agreements register's API: coverage by audience, and accepting one's own agreement. */
@RestController
@RequestMapping("/api/v1/registers/agreements")
class AgreementApiController {

    private final AgreementCoverage coverage;
    private final Acceptances acceptances;

    AgreementApiController(AgreementCoverage coverage, Acceptances acceptances) {
        this.coverage = coverage;
        this.acceptances = acceptances;
    }

    /**
     * One audience's counts.
     *
     * @param audience    e.g. {@code KS3}
     * @param label       its name
     * @param version     the number of the version in force, or null when none is written
     * @param signingFrom the number of the version whose signature counts (later ones were corrections)
     * @param signed      how many have signed it
     * @param unsigned    how many have not
     */
    record AudienceCounts(Audience audience, String label, Integer version, Integer signingFrom, int signed,
                          int unsigned) {
    }

    /**
     * An acceptance as the API shows it.
     *
     * @param id       the acceptance's id
     * @param audience the agreement
     * @param version  the version's number
     * @param method   ONLINE
     * @param signedOn the day, in school time
     */
    record Accepted(long id, Audience audience, int version, AcceptanceMethod method, String signedOn) {
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "How many have signed the agreement in force, by audience",
            description = "For each audience (pupils by key stage, staff, governors, visitors, parents and carers): "
                    + "the version in force, the version whose signature counts (a later correction asks nobody to "
                    + "sign again) and how many people on roll today have and have not signed it. A starter counts "
                    + "from their first day; a pupil counts for their own agreement and their parents'.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"audiences":[{"audience":"KS3","label":"Pupils: Key Stage 3 (Years 7 to 9)","version":2,\
                            "signingFrom":2,"signed":310,"unsigned":14}]}"""))))
    Map<String, List<AudienceCounts>> coverage() {
        return Map.of("audiences", coverage.coverage(SchoolTime.today()).stream()
                .map(c -> new AudienceCounts(c.audience(), c.audience().label(),
                        c.version() == null ? null : c.version().number(),
                        c.version() == null ? null : c.signingFrom(), c.all().signed(), c.all().unsigned()))
                .toList());
    }

    @PostMapping("/accept")
    @PreAuthorize("hasAuthority('AGREEMENT_ACCEPT')")
    @Operation(summary = "The caller accepts the agreement in force for them",
            description = "Records that the person linked to the caller's account accepts the version in force of "
                    + "their own agreement, online, today. 404 when the account is linked to nobody or there is no "
                    + "agreement for them; 409 when they have already accepted that version.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":41,"audience":"STAFF","version":3,"method":"ONLINE","signedOn":"2026-09-03"}"""))))
    ResponseEntity<Accepted> accept(Authentication user) {
        AccountPrincipal principal = (AccountPrincipal) user.getPrincipal();
        Acceptance a = acceptances.acceptOwn(principal.id(), principal.username(), null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Accepted(a.id(), a.audience(), a.versionNumber(), a.method(), a.signedOn().toString()));
    }
}
