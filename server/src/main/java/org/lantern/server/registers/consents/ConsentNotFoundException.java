package org.lantern.server.registers.consents;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such pupil, consent, scan, publication or takedown task: answered as 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ConsentNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConsentNotFoundException(String sentence) {
        super(sentence);
    }
}
