package org.lantern.server.registers.training;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such course, completion or person in the training register (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TrainingNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrainingNotFoundException(String message) {
        super(message);
    }
}
