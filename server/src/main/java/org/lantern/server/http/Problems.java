package org.lantern.server.http;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The RFC 9457 problem bodies the JSON API answers with when it refuses a request. Every API
 * controller's exception handlers build them here, so a refusal reads the same in every part of
 * the API: a status, a short title saying what did not happen, and the reason in plain words.
 *
 * <p>This package holds HTTP plumbing that features share. It is kept apart from {@code web},
 * which shows the features (the dashboard) and so depends on them: a feature using {@code web}
 * would make a cycle.
 */
public final class Problems {

    private Problems() {
    }

    /** A refusal with a title, e.g. 404 "Incident not found" and the exception's message. */
    public static ProblemDetail titled(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A path or query value of the wrong type, e.g. {@code /incidents/abc}: 400 naming the value and what it should be. */
    public static ProblemDetail notValid(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getValue() + "' is not a valid " + e.getName().toLowerCase(Locale.ROOT));
    }
}
