package org.lantern.server.registers.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** There is no review with the id asked for (HTTP 404, on a page or in the API). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReviewNotFoundException extends RuntimeException {

    ReviewNotFoundException(long id) {
        super("There is no filtering and monitoring review " + id + ".");
    }
}
