package org.lantern.server.incidents.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantern.server.http.Problems;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Evidence for integrations, with the same rules as the pages: whoever may read the incident may
 * list, add, open (with the custody log) and download its evidence. Errors are problem details; an
 * incident or item the caller may not see is a 404 and is logged.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}/evidence")
@Tag(name = "Evidence", description = "Links, descriptions, screenshots and files attached to an incident, with SHA-256 "
        + "digests and a chain of custody. Whoever may read the incident may use them; others get 404.")
class EvidenceApiController {

    private final EvidenceService evidence;
    private final EvidenceExport exports;

    EvidenceApiController(EvidenceService evidence, EvidenceExport exports) {
        this.evidence = evidence;
        this.exports = exports;
    }

    /**
     * An evidence item as served. Lists leave out the link and description text, which only an
     * opened (and so custody-logged) item shows.
     */
    record EvidenceJson(long id, long incidentId, EvidenceKind kind, String url, String description, String fileName,
                        String mediaType, Long sizeBytes, String sha256, String addedBy, OffsetDateTime addedAt,
                        String contentUrl) {

        static EvidenceJson summary(Evidence e) {
            return new EvidenceJson(e.id(), e.incidentId(), e.kind(), null, null, e.fileName(), e.mediaType(),
                    e.sizeBytes(), e.sha256(), e.addedBy(), e.addedAt(), contentUrl(e));
        }

        static EvidenceJson full(Evidence e) {
            return new EvidenceJson(e.id(), e.incidentId(), e.kind(), e.url(), e.description(), e.fileName(),
                    e.mediaType(), e.sizeBytes(), e.sha256(), e.addedBy(), e.addedAt(), contentUrl(e));
        }

        private static String contentUrl(Evidence e) {
            return e.kind().hasContent()
                    ? "/api/v1/incidents/" + e.incidentId() + "/evidence/" + e.id() + "/content" : null;
        }
    }

    /** An opened item and its chain of custody. */
    record OpenedJson(EvidenceJson evidence, List<Custody> custody) {
    }

    /**
     * The body of {@code POST /api/v1/incidents/{id}/evidence}: a link or a description.
     *
     * @param kind        {@code url} or {@code description}
     * @param url         the address, for a link (stored as text, never fetched)
     * @param description the text, for a description
     */
    record NewEvidenceJson(String kind, String url, String description) {
    }

    @Operation(summary = "List an incident's evidence (no link or description text; open an item for that)")
    @GetMapping
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    List<EvidenceJson> list(@PathVariable long id, Authentication user) {
        return evidence.list(id, Viewer.of(user), Channel.API).stream().map(EvidenceJson::summary).toList();
    }

    @Operation(summary = "Add a link (kept as text, never fetched) or a description",
            responses = {@ApiResponse(responseCode = "201", description = "Added; custody and audit recorded"),
                    @ApiResponse(responseCode = "400", description = "Refused, with every problem; nothing stored"),
                    @ApiResponse(responseCode = "404", description = "No such incident that the caller may read")})
    @PostMapping
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<EvidenceJson> add(@PathVariable long id, @RequestBody NewEvidenceJson body, Authentication user) {
        String kind = body.kind() == null ? "" : body.kind().toLowerCase(Locale.ROOT);
        Evidence added = switch (kind) {
            case "url" -> evidence.addUrl(id, body.url(), Viewer.of(user), Channel.API);
            case "description" -> evidence.addDescription(id, body.description(), Viewer.of(user), Channel.API);
            default -> throw new EvidenceRejectedException(
                    "kind must be url or description; upload screenshots and files to .../evidence/files.");
        };
        return created(added);
    }

    @Operation(summary = "Upload a screenshot or file (multipart part 'file'); its type is detected from its bytes",
            responses = {@ApiResponse(responseCode = "201", description = "Added with its SHA-256"),
                    @ApiResponse(responseCode = "400", description = "Refused: empty, too large, a type not allowed, "
                            + "or an incident on the illegal-material path; nothing stored"),
                    @ApiResponse(responseCode = "413", description = "Larger than the server accepts")})
    @PostMapping("/files")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<EvidenceJson> upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                        Authentication user) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
        return created(evidence.addFile(id, file.getOriginalFilename(), content, Viewer.of(user), Channel.API));
    }

    @Operation(summary = "Open an item: its content and chain of custody (the view is itself recorded)")
    @GetMapping("/{evidenceId}")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    OpenedJson one(@PathVariable long id, @PathVariable long evidenceId, Authentication user) {
        EvidenceService.Opened opened = evidence.open(id, evidenceId, Viewer.of(user), Channel.API);
        return new OpenedJson(EvidenceJson.full(opened.item()), opened.custody());
    }

    @Operation(summary = "Download a screenshot or file as an attachment, after re-checking its SHA-256",
            responses = {@ApiResponse(responseCode = "200", description = "The bytes as added"),
                    @ApiResponse(responseCode = "409", description = "The stored bytes no longer match their digest: "
                            + "refused and recorded as tampering")})
    @GetMapping("/{evidenceId}/content")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long evidenceId, Authentication user) {
        return EvidenceResponses.file(evidence.download(id, evidenceId, Viewer.of(user), Channel.API));
    }

    @Operation(summary = "Export every item as a ZIP with manifest.csv (digests) and custody.csv",
            responses = {@ApiResponse(responseCode = "200", description = "The ZIP"),
                    @ApiResponse(responseCode = "409", description = "A file failed its digest check; nothing exported")})
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<byte[]> export(@PathVariable long id, Authentication user) {
        return EvidenceResponses.zip(exports.export(id, Viewer.of(user), Channel.API));
    }

    private static ResponseEntity<EvidenceJson> created(Evidence added) {
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + added.incidentId() + "/evidence/" + added.id()))
                .body(EvidenceJson.full(added));
    }

    @ExceptionHandler(EvidenceNotFoundException.class)
    ProblemDetail notFound(EvidenceNotFoundException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Evidence not found", e.getMessage());
    }

    @ExceptionHandler(EvidenceRejectedException.class)
    ProblemDetail rejected(EvidenceRejectedException e) {
        ProblemDetail problem = Problems.titled(HttpStatus.BAD_REQUEST, "Nothing was added", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(EvidenceTamperedException.class)
    ProblemDetail tampered(EvidenceTamperedException e) {
        return Problems.titled(HttpStatus.CONFLICT, "Evidence failed its integrity check", e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ProblemDetail noFile() {
        return Problems.titled(HttpStatus.BAD_REQUEST, "Nothing was added",
                "Send the screenshot or file as multipart/form-data in a part named 'file'.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape: {\"kind\": \"url\", \"url\": \"...\"} "
                        + "or {\"kind\": \"description\", \"description\": \"...\"}.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
