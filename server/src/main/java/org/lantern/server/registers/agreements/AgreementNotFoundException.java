package org.lantern.server.registers.agreements;

import org.lantern.server.registers.RegisterNotFoundException;

/** No such person, agreement version or agreement for the caller: answered as 404. */
public class AgreementNotFoundException extends RegisterNotFoundException {

    private static final long serialVersionUID = 1L;

    AgreementNotFoundException(String sentence) {
        super(sentence);
    }
}
