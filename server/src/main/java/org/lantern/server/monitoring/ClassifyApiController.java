package org.lantern.server.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.server.monitoring.library.MonitorEngine;
import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/monitor/classify}: what the safeguarding monitor makes of texts, as
 * {@code lantern classify} prints it ({@link ClassificationJson}, one class for both), for the DSL
 * trying a phrase and for integrations. Nothing is stored: the texts are the caller's question.
 * Bounded, because every text costs a pass of the matcher: at most {@value #MAX_TEXTS} texts and
 * {@value #MAX_CHARS} characters in all.
 */
@RestController
class ClassifyApiController {

    static final int MAX_TEXTS = ClassifyLimits.MAX_TEXTS;
    static final int MAX_CHARS = ClassifyLimits.MAX_CHARS;
    static final int MAX_BODY_BYTES = ClassifyLimits.MAX_BODY_BYTES;

    private final MonitorEngine engine;
    private final ObjectMapper json;

    ClassifyApiController(MonitorEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /**
     * The request body.
     *
     * @param texts   the texts to classify
     * @param ageBand who wrote them: primary, ks3 (the default), ks4, post16 or staff
     */
    record ClassifyRequest(List<String> texts, String ageBand) {
    }

    /** A request refused with a status and the reason in plain words. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    @PostMapping(path = "/api/v1/monitor/classify", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    @Operation(summary = "Classify texts as the safeguarding monitor would",
            description = "For each text, in order: `text`, `level` (0 for nothing, else 1 to 5), `categories` "
                    + "(each `{id, level, phrase, normalised, rule, library, libraryVersion}`) and `helpSeeking`, "
                    + "as `lantern classify --json` prints them. Matches of the `illegal` category are masked "
                    + "(first letter and asterisks, with a `note`), in the text too. At most " + MAX_TEXTS
                    + " texts and " + MAX_CHARS + " characters in all (413 beyond); invalid JSON, no texts or an "
                    + "unknown age band is 400.",
            responses = @ApiResponse(responseCode = "200", description = "One result per text, in order",
                    content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                            {"results":[{"text":"i want to kill myself","level":5,"categories":[{"id":"suicide",\
                            "level":5,"phrase":"kill myself","normalised":"kill myself","rule":"alone",\
                            "library":"lantern-starter","libraryVersion":"2026.12.1"}],"helpSeeking":false}]}"""))))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The texts and the writers' age band",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClassifyRequest.class)))
    String classify(HttpServletRequest request) throws IOException {
        // read here, not with @RequestBody, so the permission is checked before a byte is parsed
        // and no more than the bound is ever held
        ClassifyRequest body = parse(read(request));
        AgeBand band = body.ageBand() == null ? AgeBand.KS3
                : AgeBand.ofId(body.ageBand().strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new Refused(
                        HttpStatus.BAD_REQUEST, "ageBand must be one of " + AgeBand.ids() + ", not '" + body.ageBand() + "'"));
        PhraseMatcher matcher = engine.matcher();
        return body.texts().stream().map(text -> ClassificationJson.toJson(matcher.classify(text, band)))
                .collect(Collectors.joining(",", "{\"results\":[", "]}"));
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ClassifyRequest parse(byte[] bytes) {
        ClassifyRequest body;
        try {
            body = json.readValue(bytes, ClassifyRequest.class);
        } catch (JsonProcessingException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body is not JSON of the form {\"texts\":[\"...\"], \"ageBand\":\"ks3\"}: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "the body cannot be read: " + e.getMessage());
        }
        if (body == null || body.texts() == null || body.texts().isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "texts: give at least one text to classify");
        }
        if (body.texts().size() > MAX_TEXTS) {
            throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "texts: at most " + MAX_TEXTS + " texts a request, not "
                    + body.texts().size() + "; send them in several requests");
        }
        long chars = 0;
        for (String text : body.texts()) {
            if (text == null) {
                throw new Refused(HttpStatus.BAD_REQUEST, "texts: every text must be a string, not null");
            }
            chars += text.length();
        }
        if (chars > MAX_CHARS) {
            throw tooLarge();
        }
        return body;
    }

    private static Refused tooLarge() {
        return new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "texts: at most " + MAX_CHARS
                + " characters in all a request; send fewer or shorter texts");
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        return Problems.titled(e.status, "The texts cannot be classified", e.getMessage());
    }
}
