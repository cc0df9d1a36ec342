package org.lantern.proxy.icap;

/**
 * Where the ICAP server hands a copy of what a pupil sends in a request body (a form post, a chat
 * message as JSON), for the safeguarding monitor, which lives above this module. The server asks
 * Squid for each body as a preview of at most {@link #maxBytes()} bytes in its OPTIONS answer,
 * answers the request first, and only then hands the preview over: {@link #take} must return at
 * once (queue it, never scan or store on the proxy's thread) and never throw.
 */
public interface RequestBodyTap {

    /** Takes nothing: the OPTIONS answer asks for no preview, as it always did. */
    RequestBodyTap NONE = new RequestBodyTap() {
        @Override
        public int maxBytes() {
            return 0;
        }

        @Override
        public void take(RequestBody body) {
            // nothing is taken
        }
    };

    /**
     * @return how many bytes of each request body to copy, at most {@link IcapReader#MAX_PREVIEW};
     *     0 takes none
     */
    int maxBytes();

    /**
     * @param body a copy of a request's body, already answered
     */
    void take(RequestBody body);
}
