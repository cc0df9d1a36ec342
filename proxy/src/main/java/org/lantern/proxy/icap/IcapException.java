package org.lantern.proxy.icap;

/**
 * An ICAP request the server refuses, with the ICAP status to answer it with. After one of these
 * the connection's byte stream can no longer be trusted, so the server answers and closes it.
 */
public final class IcapException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the ICAP status code, e.g. 400
     * @param message a plain-words reason, sent to the client and logged
     */
    public IcapException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the ICAP status code to answer with */
    public int status() {
        return status;
    }
}
