package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.registers.FormScans;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The consent register's API for the scans of signed forms, as the agreements register's is: a
 * pupil's scans listed, a scan kept as evidence of a consent already recorded, and a scan
 * downloaded as the pupil's page offers it (each look logged).
 */
@RestController
@RequestMapping("/api/v1/registers/consents")
class ConsentScanApiController {

    private final Consents consents;
    private final ConsentScans scans;

    ConsentScanApiController(Consents consents, ConsentScans scans) {
        this.consents = consents;
        this.scans = scans;
    }

    /**
     * A scan of a signed consent form, and the consent it is the evidence of.
     *
     * @param consentId the consent
     * @param use       the use it is for
     * @param givenBy   the parent or carer who signed
     * @param givenOn   the date on the form
     * @param scan      the scan, shown unwrapped: its id for its download, type, size, digest, uploader
     */
    record ScanView(long consentId, PhotoUse use, String givenBy, LocalDate givenOn,
                    @JsonUnwrapped FormScans.ScanInfo scan) {
        static ScanView of(Consent c, FormScans.ScanInfo scan) {
            return new ScanView(c.id(), c.use(), c.givenBy(), c.givenOn(), scan);
        }
    }

    @GetMapping("/{personId:\\d+}/scans")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "The scans of a pupil's signed consent forms",
            description = "One for each use whose consent has a scan kept: which consent and use, the form's date "
                    + "and signer, and the scan's type, size and digest, never its content or uploaded name (download "
                    + "it, which is logged). 404 when there is no such pupil.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"scans":[{"consentId":88,"use":"PRESS","givenBy":"Grace Parent",\
                            "givenOn":"2026-09-03","scanId":17,"mediaType":"image/png","sizeBytes":183204,\
                            "sha256":"9f86d0...","uploadedBy":"office","uploadedAt":"2026-09-04T09:12:00Z"}]}"""))))
    Map<String, List<ScanView>> list(@PathVariable long personId) {
        consents.pupil(personId);
        return Map.of("scans", consents.of(personId).values().stream().filter(c -> c.evidenceId() != null)
                .map(c -> ScanView.of(c, scans.info(c.evidenceId()))).toList());
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

    @GetMapping("/scans/{scanId:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "Download the scan of a signed consent form",
            description = "As the pupil's page offers it: an attachment of the type detected when it was stored, "
                    + "never cached. Each download is logged in the record-access log. 404 when there is no such scan.")
    ResponseEntity<byte[]> download(@PathVariable long scanId, Authentication user) {
        return scans.download(scanId, Viewer.of(user), Channel.API);
    }
}
