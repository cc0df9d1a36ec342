package org.lantern.server.people;

/** An import with refused rows was applied without choosing "apply only the valid rows"; nothing changed. */
public class ImportHasErrorsException extends RuntimeException {

    public ImportHasErrorsException(int rejectedRows) {
        super(rejectedRows + " row(s) have errors; nothing was imported");
    }
}
