package org.lantern.server.web;

import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

import org.lantern.server.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload the server's multipart parser refuses never reaches a controller, so no controller's
 * own handler sees it: this says why in plain words, as the error page for a page and as a JSON
 * problem for the API, and nothing is stored. The parser reports a part header over its limit (a
 * very long file name) as an upload "exceeding" a size, which must not read as a 10 MB file.
 */
@ControllerAdvice
class UploadRefusedAdvice {

    private static final String NOTHING_CHANGED = " Nothing was uploaded or changed.";

    private final ObjectMapper json;

    UploadRefusedAdvice(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (causes(e).anyMatch(c -> message(c).contains("header"))) {
            return refusal(request, HttpStatus.BAD_REQUEST, "The file's name is too long for Lantern to read."
                    + " Give it a shorter name and upload it again." + NOTHING_CHANGED);
        }
        return refusal(request, HttpStatus.PAYLOAD_TOO_LARGE,
                "The file is larger than Lantern accepts (10 MB)." + NOTHING_CHANGED);
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException e, HttpServletRequest request) {
        if (causes(e).anyMatch(c -> c.getClass().getSimpleName().equals("InvalidFileNameException"))) {
            return refusal(request, HttpStatus.BAD_REQUEST, "The file's name has a character no file name may have"
                    + " (such as a NUL). Rename the file and upload it again." + NOTHING_CHANGED);
        }
        return refusal(request, HttpStatus.BAD_REQUEST,
                "The upload could not be read as a form with a file." + NOTHING_CHANGED);
    }

    private ModelAndView refusal(HttpServletRequest request, HttpStatus status, String message) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = Problems.titled(status, "Nothing was uploaded", message);
            return new ModelAndView((model, req, response) -> {
                response.setStatus(status.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), problem);
            });
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, c -> c != null, Throwable::getCause);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    }
}
