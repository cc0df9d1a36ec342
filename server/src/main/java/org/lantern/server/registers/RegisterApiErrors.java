package org.lantern.server.registers;

import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How every register's API answers a refusal: 400 with every problem (a {@code problems} list as well
 * as the detail, with line numbers for an import), 409 for a clash with what is recorded, 404 for
 * nothing there, 400 for a body or id that cannot be read. Each register's own refusals
 * ({@code DeviceException}, {@code ConsentException}, ...) are {@link RegisterException}s, so they answer alike.
 */
@RestControllerAdvice(basePackages = "org.lantern.server.registers", annotations = RestController.class)
class RegisterApiErrors {

    @ExceptionHandler(RegisterException.class)
    ProblemDetail refused(RegisterException e) {
        ProblemDetail problem = Problems.titled(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                "Not saved", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(RegisterNotFoundException.class)
    ProblemDetail notFound(RegisterNotFoundException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the "
                + "expected shape (dates are ISO-8601, e.g. 2026-12-07; date-times with an offset).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
