package org.lantern.server.dataprotection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No breach or subject access request with this number. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super("There is no " + what + " " + id + ".");
    }
}
