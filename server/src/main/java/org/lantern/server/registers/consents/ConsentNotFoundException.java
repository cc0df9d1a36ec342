package org.lantern.server.registers.consents;

import org.lantern.server.registers.RegisterNotFoundException;

/** No such pupil, consent, scan, publication or takedown task: answered as 404. */
public class ConsentNotFoundException extends RegisterNotFoundException {

    private static final long serialVersionUID = 1L;

    ConsentNotFoundException(String sentence) {
        super(sentence);
    }
}
