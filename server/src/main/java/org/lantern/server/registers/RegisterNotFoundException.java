package org.lantern.server.registers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such course, completion or person in a register (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RegisterNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegisterNotFoundException(String message) {
        super(message);
    }
}
