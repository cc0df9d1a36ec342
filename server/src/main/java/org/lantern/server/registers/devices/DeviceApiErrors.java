package org.lantern.server.registers.devices;

import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The devices and loans API's errors as problem details: bad input a 400 naming every problem
 * (with line numbers for an import), a clash with the register (a duplicate serial number, a loan
 * returned twice) a 409, an unknown device or loan a 404.
 */
@RestControllerAdvice(assignableTypes = {DeviceApiController.class, LoanApiController.class})
class DeviceApiErrors {

    @ExceptionHandler(DeviceException.class)
    ProblemDetail refused(DeviceException e) {
        ProblemDetail problem = Problems.titled(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                "Nothing was changed", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(DeviceNotFoundException.class)
    ProblemDetail notFound(DeviceNotFoundException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Not in the register", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the "
                + "expected shape (dates are ISO-8601, e.g. 2026-12-07; lostAt a date-time with offset).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
