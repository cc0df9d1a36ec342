package org.lantern.server.incidents;

import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The incident API's errors as problem details, the same for recording, actions and cases: a
 * record the caller may not see is a 404 (like one that does not exist), bad input a 400 naming
 * every problem, a closed action a 409, a case change by someone who may not make it a 403.
 */
@RestControllerAdvice(assignableTypes = {IncidentApiController.class, CaseApiController.class})
class IncidentApiErrors {

    @ExceptionHandler(IncidentNotFoundException.class)
    ProblemDetail notFound(IncidentNotFoundException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Incident not found", e.getMessage());
    }

    @ExceptionHandler(IncidentRejectedException.class)
    ProblemDetail rejected(IncidentRejectedException e) {
        ProblemDetail problem = Problems.titled(HttpStatus.BAD_REQUEST, "Nothing was recorded", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(ActionClosedException.class)
    ProblemDetail closed(ActionClosedException e) {
        return Problems.titled(HttpStatus.CONFLICT, "Action already closed", e.getMessage());
    }

    @ExceptionHandler(CaseChangeRefusedException.class)
    ProblemDetail refused(CaseChangeRefusedException e) {
        return Problems.titled(HttpStatus.FORBIDDEN, "Not allowed to change this case", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the "
                + "expected shape (occurredAt is an ISO-8601 date-time with offset, reviewOn an ISO-8601 date).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
