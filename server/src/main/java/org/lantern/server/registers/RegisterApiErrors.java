package org.lantern.server.registers;

import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the registers' API answers a refusal: 400 with every problem (a {@code problems} list as well
 * as the detail), 409 for a clash with what is recorded, 404 for nothing there.
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
}
