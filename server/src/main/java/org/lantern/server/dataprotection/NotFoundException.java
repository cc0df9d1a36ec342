package org.lantern.server.dataprotection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No breach or subject access request with this number, or no such record on one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        this("There is no " + what + " " + id + ".");
    }

    /** With the whole sentence to show, e.g. why a record cannot be included in a request. */
    public NotFoundException(String sentence) {
        super(sentence);
    }
}
