package org.lantern.server.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import jakarta.servlet.http.HttpServletRequest;

import org.lantern.activity.ActivityStore.SourcePosition;
import org.lantern.server.http.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The activity log's way in from other machines: {@code lantern activity import} and {@code
 * lantern activity ship} ask where a log file got to and send it on from there, a stretch of
 * whole lines at a time, with a token that may be limited to ingest. The work is
 * {@link ActivityIngest}'s; this turns HTTP into its calls and its refusals into problems.
 */
@RestController
class ActivityIngestController {

    private final ActivityIngest ingest;
    private final long maxBytes;

    ActivityIngestController(ActivityIngest ingest,
                             @Value("${lantern.activity.ingest-max-bytes:8388608}") long maxBytes) {
        this.ingest = ingest;
        this.maxBytes = maxBytes;
    }

    /**
     * Where a source's next stretch starts.
     *
     * @param source the source's identity
     * @param offset the byte offset after what is stored
     * @param line the number of the line starting there
     * @param known whether anything of the source has been stored
     */
    record Position(String source, long offset, long line, boolean known) {
    }

    /** What one stretch did; {@code next} is where the following stretch starts. */
    record Ingested(long stored, long duplicates, long bad, long skipped, long unattributed,
                    List<ActivityIngest.BadLine> badLines, long nextOffset, long nextLine) {
    }

    /** A body over the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("the body is larger than " + maxBytes + " bytes: send at most that much a request, cut at a newline");
        }
    }

    @GetMapping("/api/v1/activity/sources/{source}")
    @PreAuthorize("hasAuthority('ACTIVITY_INGEST')")
    @Operation(summary = "Where to resume sending a log file",
            description = "The byte offset and line number after what the activity log holds of a source (a log "
                    + "file's identity); 0 and line 1 for a source never sent.")
    Position position(@Parameter(description = "The source's identity, e.g. a FileIdentity") @PathVariable String source) {
        SourcePosition at = ingest.position(source);
        return new Position(source, at.offset(), at.line(), at.offset() > 0);
    }

    @PostMapping("/api/v1/activity/ingest")
    @PreAuthorize("hasAuthority('ACTIVITY_INGEST')")
    @Operation(summary = "Send a stretch of a log file into the activity log",
            description = "The body is the bytes of the source from offset `start`, whole lines (a last line with no "
                    + "newline is left for the next stretch). Stored exactly once: a stretch sent again stores "
                    + "nothing and counts duplicates; one that does not start where the log has got to is refused "
                    + "with 409 and the offset to send from. Bad lines are counted and the first 100 reported with "
                    + "their line numbers. Rows are tied to people by proxy user name, else client IP.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Log lines, at most lantern.activity."
            + "ingest-max-bytes (8 MiB unless set)", content = @Content(mediaType = "text/plain"))
    Ingested ingest(
            @Parameter(description = "squid (access.log) or lantern (decision log)") @RequestParam String format,
            @Parameter(description = "The source's identity") @RequestParam String source,
            @Parameter(description = "The byte offset in the source where the body starts") @RequestParam long start,
            @Parameter(description = "The line number at start, for a stretch sent again (optional)")
            @RequestParam(required = false) Long line,
            @Parameter(description = "Instead of a body: the length in bytes (newline included) of one line at start "
                    + "too long to send, which is counted as a bad line and passed over")
            @RequestParam(required = false) Long overlong,
            HttpServletRequest request) throws IOException {
        ActivityIngest.Format parsed = ActivityIngest.Format.of(format);
        if (overlong != null) {
            return ingested(ingest.passOver(source, start, overlong));
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        // Log lines name pupils: the stretch waits in a file only its owner can read (createTempFile's default).
        Path stretch = Files.createTempFile("lantern-ingest-", ".log");
        try {
            copy(request.getInputStream(), stretch);
            return ingested(ingest.ingest(parsed, source, start, line, stretch));
        } finally {
            Files.deleteIfExists(stretch);
        }
    }

    private static Ingested ingested(ActivityIngest.Result r) {
        return new Ingested(r.stored(), r.duplicates(), r.bad(), r.skipped(), r.unattributed(), r.badLines(),
                r.next().offset(), r.next().line());
    }

    /** Copies the body, refusing it as soon as it passes the limit, whatever Content-Length said. */
    private void copy(InputStream in, Path to) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(to)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge(TooLarge e) {
        return Problems.titled(HttpStatus.PAYLOAD_TOO_LARGE, "The stretch was not stored", e.getMessage());
    }

    @ExceptionHandler(ActivityIngest.OutOfPlace.class)
    ProblemDetail outOfPlace(ActivityIngest.OutOfPlace e) {
        ProblemDetail problem = Problems.titled(HttpStatus.CONFLICT, "The stretch was not stored", e.getMessage());
        problem.setProperty("nextOffset", e.position().offset());
        problem.setProperty("nextLine", e.position().line());
        return problem;
    }

    @ExceptionHandler(ActivityIngest.IngestRefused.class)
    ProblemDetail refused(ActivityIngest.IngestRefused e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The stretch was not stored", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The stretch was not stored", e.getParameterName() + ": required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail notValid(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
