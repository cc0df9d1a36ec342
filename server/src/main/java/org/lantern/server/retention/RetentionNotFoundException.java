package org.lantern.server.retention;

/**
 * No review or legal hold has this id. Answered as every missing record is (404), so the
 * retention forms tell nothing an address could not.
 */
public class RetentionNotFoundException extends RuntimeException {

    RetentionNotFoundException(String what, long id) {
        super("There is no " + what + " " + id + ".");
    }
}
