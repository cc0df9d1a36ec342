package org.lantern.filter.url;

/**
 * A URL or host that cannot be normalised, with a machine-readable {@link Reason}.
 *
 * <p>Checked on purpose: the filter must decide what to do with every unparseable request (the
 * policy layer blocks them), so callers cannot forget the case. It never wraps an unchecked
 * crash: every failure path of {@link UrlNormaliser} ends here with a reason.
 */
public final class MalformedUrlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a URL was rejected; stable codes for logs and reports. */
    public enum Reason {
        /** Nothing left after trimming whitespace and control characters. */
        EMPTY,
        /** Longer than {@link UrlNormaliser#MAX_URL_LENGTH}. */
        TOO_LONG,
        /** A scheme other than http, https, ws, wss or ftp. */
        UNSUPPORTED_SCHEME,
        /** The authority has no host. */
        EMPTY_HOST,
        /** The host has forbidden characters, an empty label, or fails UTS #46 processing. */
        INVALID_HOST,
        /** The host is longer than {@link UrlNormaliser#MAX_HOST_LENGTH} once in ASCII form. */
        HOST_TOO_LONG,
        /** The host ends in a number but is not a valid IPv4 address in any browser-accepted form. */
        INVALID_IPV4,
        /** A bracketed host that is not a valid IPv6 address. */
        INVALID_IPV6,
        /** The port is not a decimal number from 0 to 65535. */
        INVALID_PORT,
        /** Replacement characters from undecodable bytes, or percent-encoded bytes that are not UTF-8. */
        INVALID_ENCODING
    }

    private final Reason reason;

    /**
     * @param reason the machine-readable cause
     * @param detail a human-readable explanation; never includes more than a short excerpt of input
     */
    public MalformedUrlException(Reason reason, String detail) {
        // No stack trace: an unreadable address is an answer (blocked), not a fault to debug,
        // and filling in the trace was the costliest step of judging one (ICAP profile).
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** @return the machine-readable cause */
    public Reason reason() {
        return reason;
    }
}
