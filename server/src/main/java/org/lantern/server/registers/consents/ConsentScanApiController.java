package org.lantern.server.registers.consents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.lantern.server.registers.FormScans;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The consent register's API for the scan of a signed form: kept as evidence of a consent already recorded. */
@RestController
@RequestMapping("/api/v1/registers/consents")
class ConsentScanApiController {

    private final Consents consents;

    ConsentScanApiController(Consents consents) {
        this.consents = consents;
    }

    @PostMapping("/{personId:\\d+}/scans")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Keep the scan of a pupil's signed consent form",
            description = "A multipart upload: use (WEBSITE, SOCIAL_MEDIA, PRESS, DISPLAYS or CLASS_PHOTOS) and file, "
                    + "a PNG, JPEG, GIF or WebP image or a PDF of at most 5 MB, its type read from its bytes, not its "
                    + "name. It becomes the evidence of the pupil's consent for that use, replacing any earlier scan. "
                    + "201 with the consent; 400 naming every problem (no use, an empty file, one too large, one that "
                    + "is not an image or PDF), and nothing is kept; 404 when the pupil has no consent for that use yet "
                    + "(record it first with POST /api/v1/registers/consents/{personId}).",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":88,"personId":41,"use":"PRESS","granted":true,"givenBy":"Grace Parent",\
                            "pupilAgreed":null,"givenOn":"2026-09-03","expiresOn":null,"evidenceId":17,\
                            "withdrawnOn":null,"withdrawnBy":null,"recordedBy":"office",\
                            "recordedAt":"2026-09-03T09:12:00Z"}"""))))
    ResponseEntity<Consent> attach(@PathVariable long personId, @RequestParam(defaultValue = "") String use,
                                   @RequestParam(name = "file", required = false) MultipartFile file,
                                   Authentication user) {
        byte[] content = FormScans.bytes(file);
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.attachScan(personId,
                PhotoUse.parse(use).orElse(null), file == null ? null : file.getOriginalFilename(),
                content == null ? new byte[0] : content, user.getName()));
    }
}
