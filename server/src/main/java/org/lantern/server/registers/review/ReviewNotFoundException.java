package org.lantern.server.registers.review;

import org.lantern.server.registers.RegisterNotFoundException;

/** There is no review with the id asked for (HTTP 404, on a page or in the API). */
public class ReviewNotFoundException extends RegisterNotFoundException {

    private static final long serialVersionUID = 1L;

    ReviewNotFoundException(long id) {
        super("There is no filtering and monitoring review " + id + ".");
    }
}
