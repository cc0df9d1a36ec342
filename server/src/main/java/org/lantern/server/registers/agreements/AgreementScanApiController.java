package org.lantern.server.registers.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.registers.FormScans;
import org.lantern.server.registers.agreements.AgreementApiViews.AcceptanceView;
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
 * The agreements register's API for the scans of signed paper forms, as the consent register's is:
 * a person's scans listed, a scan kept as evidence of a paper form already recorded, and a scan
 * downloaded as the person's page offers it (each look logged).
 */
@RestController
@RequestMapping("/api/v1/registers/agreements")
class AgreementScanApiController {

    private final Acceptances acceptances;
    private final AgreementTexts texts;
    private final AgreementScans scans;
    private final People people;

    AgreementScanApiController(Acceptances acceptances, AgreementTexts texts, AgreementScans scans, People people) {
        this.acceptances = acceptances;
        this.texts = texts;
        this.scans = scans;
        this.people = people;
    }

    /**
     * A scan of a paper form, and the acceptance it is the evidence of.
     *
     * @param acceptanceId the acceptance
     * @param audience     the agreement
     * @param version      the version's number
     * @param signedOn     the date on the form
     * @param signedBy     who signed it
     * @param scan         the scan, shown unwrapped: its id for its download, type, size, digest, uploader
     */
    record ScanView(long acceptanceId, Audience audience, int version, String signedOn, String signedBy,
                    @JsonUnwrapped FormScans.ScanInfo scan) {
        static ScanView of(Acceptance a, FormScans.ScanInfo scan) {
            return new ScanView(a.id(), a.audience(), a.versionNumber(), a.signedOn().toString(), a.signedBy(), scan);
        }
    }

    @GetMapping("/people/{personId:\\d+}/scans")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "The scans of a person's signed paper agreement forms",
            description = "One for each of the person's acceptances with a scan kept, newest first: which agreement "
                    + "and version, the form's date and signer, and the scan's type, size and digest, never its "
                    + "content or uploaded name (download it, which is logged). 404 when there is no such person.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"scans":[{"acceptanceId":42,"audience":"PARENTS","version":1,\
                            "signedOn":"2026-09-03","signedBy":"Ruth Smith","scanId":17,"mediaType":"application/pdf",\
                            "sizeBytes":183204,"sha256":"9f86d0...","uploadedBy":"office",\
                            "uploadedAt":"2026-09-04T09:12:00Z"}]}"""))))
    Map<String, List<ScanView>> list(@PathVariable long personId) {
        people.find(personId).orElseThrow(() -> new AgreementNotFoundException("There is no person " + personId + "."));
        return Map.of("scans", acceptances.of(personId).stream().filter(a -> a.scanId() != null)
                .map(a -> ScanView.of(a, scans.info(a.scanId()))).toList());
    }

    @PostMapping("/people/{personId:\\d+}/scans")
    @PreAuthorize("hasAuthority('AGREEMENTS_RECORD')")
    @Operation(summary = "Keep the scan of a person's signed paper agreement form",
            description = "A multipart upload: audience and version (the number the form shows) name the paper form "
                    + "already recorded (POST /api/v1/registers/agreements/paper), and file is a PNG, JPEG, GIF or WebP "
                    + "image or a PDF of at most 5 MB, its type read from its bytes, not its name. It becomes the "
                    + "evidence of that acceptance, replacing any earlier scan. 201 with the acceptance; 400 naming "
                    + "every problem (no audience or version, an empty file, one too large, one that is not an image "
                    + "or PDF), and nothing is kept; 404 for no such person or version, or no acceptance of that "
                    + "version recorded for them; 409 when they accepted it online, so there is no paper form.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":42,"personId":7,"name":"Agnes Smith","method":"PAPER","signedOn":"2026-09-03",\
                            "signedBy":"Ruth Smith","recordedBy":"office","recordedAt":"2026-09-04T09:12:00Z",\
                            "scan":true}"""))))
    ResponseEntity<AcceptanceView> attach(@PathVariable long personId, @RequestParam(required = false) String audience,
                                          @RequestParam(required = false) Integer version,
                                          @RequestParam(name = "file", required = false) MultipartFile file,
                                          Authentication user) {
        byte[] content = FormScans.bytes(file);
        List<String> problems = new ArrayList<>();
        Audience a = AgreementApiController.audience(audience, problems);
        if (version == null) {
            problems.add("Give the number of the version the form shows.");
        }
        problems.addAll(FormScans.problems(content));
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        Acceptance attached = acceptances.attachScan(personId, AgreementApiController.version(texts, a, version).id(),
                file.getOriginalFilename(), content, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AcceptanceView.of(attached, AgreementApiViews.name(people.find(personId))));
    }

    @GetMapping("/scans/{scanId:\\d+}")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "Download the scan of a signed paper agreement form",
            description = "As the person's page offers it: an attachment of the type detected when it was stored, "
                    + "never cached. Each download is logged in the record-access log. 404 when there is no such scan.")
    ResponseEntity<byte[]> download(@PathVariable long scanId, Authentication user) {
        return scans.download(scanId, Viewer.of(user), Channel.API);
    }
}
