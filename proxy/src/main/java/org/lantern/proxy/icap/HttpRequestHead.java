package org.lantern.proxy.icap;

/**
 * The encapsulated HTTP request line and headers of a REQMOD request, as Squid sent them.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param target the request target: absolute URL, origin-form path, or {@code host:port} for CONNECT
 * @param version the HTTP version, e.g. {@code HTTP/1.1}
 * @param headers the HTTP header fields
 * @param raw the whole section as received, so an allowed request can be echoed byte for byte
 */
public record HttpRequestHead(String method, String target, String version, IcapHeaders headers, byte[] raw) {

    /**
     * @return the URL the request fetches: the target itself when absolute or CONNECT, otherwise
     *     {@code http://} + the Host header + the path (transparent interception sends origin-form)
     */
    public String url() {
        if (!target.startsWith("/")) {
            return IcapHeaders.utf8(target);
        }
        return "http://" + IcapHeaders.utf8(headers.get("Host").orElse("")) + IcapHeaders.utf8(target);
    }
}
