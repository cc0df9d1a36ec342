package org.lantern.server.registers.agreements;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such person, agreement version or agreement for the caller: answered as 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AgreementNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AgreementNotFoundException(String sentence) {
        super(sentence);
    }
}
