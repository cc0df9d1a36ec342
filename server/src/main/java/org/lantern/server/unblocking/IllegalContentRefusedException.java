package org.lantern.server.unblocking;

/**
 * The address is illegal content (IWF / CTIRU lists, or an illegal policy category), which no one
 * may ever unblock. Unlike {@link UnblockRejectedException} the attempt <em>is</em> recorded, as a
 * refused request, because an attempt to open illegal content is itself something the school must
 * be able to see.
 */
public class IllegalContentRefusedException extends RuntimeException {

    /** What users are told, in every interface. */
    public static final String MESSAGE = "This address is on an illegal-content list and can never be unblocked. "
            + "The request has been recorded as refused.";

    private final long requestId;

    public IllegalContentRefusedException(long requestId) {
        super(MESSAGE);
        this.requestId = requestId;
    }

    /** The refused request that records the attempt. */
    public long requestId() {
        return requestId;
    }
}
