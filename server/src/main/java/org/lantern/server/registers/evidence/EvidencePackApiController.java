package org.lantern.server.registers.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.lantern.server.incidents.Channel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The inspection evidence pack through the API: {@code GET /api/v1/registers/evidence-pack}, a PDF. */
@RestController
class EvidencePackApiController {

    private final EvidencePackPdf pdf;

    EvidencePackApiController(EvidencePackPdf pdf) {
        this.pdf = pdf;
    }

    @GetMapping(path = "/api/v1/registers/evidence-pack", produces = "application/pdf")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    @Operation(summary = "The inspection evidence pack (PDF)",
            description = "Made now: the filtering policy in force (version, who made it, governors' approval, the "
                    + "categories blocked for each group), acceptable-use agreement coverage by audience, training "
                    + "status by course, the last annual filtering and monitoring review with the filter test run "
                    + "now, consent exceptions (counts only), and the school year's incidents and alerts by category "
                    + "with counts of 1 or 2 shown as <3. No pupil's name or identifier. Each copy is logged.",
            responses = @ApiResponse(responseCode = "200", description = "the PDF",
                    content = @Content(mediaType = "application/pdf")))
    ResponseEntity<byte[]> pack(Authentication user) {
        return pdf.download(user, Channel.API);
    }
}
