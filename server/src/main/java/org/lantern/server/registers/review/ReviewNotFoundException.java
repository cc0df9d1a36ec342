package org.lantern.server.registers.review;

/** There is no review with the id asked for (HTTP 404). */
public class ReviewNotFoundException extends RuntimeException {

    ReviewNotFoundException(long id) {
        super("There is no filtering and monitoring review " + id + ".");
    }
}
