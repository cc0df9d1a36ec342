package org.lantern.proxy.icap;

/**
 * One parsed ICAP request, up to the start of its encapsulated body (the body is streamed, never
 * held whole, so an upload cannot exhaust memory).
 *
 * @param method {@code OPTIONS}, {@code REQMOD} or {@code RESPMOD}
 * @param service the service name from the ICAP URI, e.g. {@code reqmod}
 * @param headers the ICAP header fields
 * @param http the encapsulated HTTP request, or {@code null} when none was sent
 * @param hasBody whether an encapsulated body (chunked) follows
 * @param preview the preview size the client announced, or -1 when it sends no preview
 */
public record IcapRequest(String method, String service, IcapHeaders headers, HttpRequestHead http,
        boolean hasBody, int preview) {

    /** @return whether the client accepts 204 No Content for an unchanged message */
    public boolean allows204() {
        return headers.hasToken("Allow", "204");
    }

    /** @return whether the client asked for the connection to be closed after this request */
    public boolean wantsClose() {
        return headers.hasToken("Connection", "close");
    }
}
