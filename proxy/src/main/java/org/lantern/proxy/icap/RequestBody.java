package org.lantern.proxy.icap;

/**
 * The start of one request's body, as Squid sent it in a REQMOD preview, and who sent it.
 *
 * @param url the URL the request was sent to
 * @param method the HTTP method, e.g. {@code POST}
 * @param contentType the request's {@code Content-Type} header, or {@code ""} when it had none
 * @param user the proxy user name, or {@code ""}
 * @param clientIp the client address, or {@code ""}
 * @param bytes the body's bytes, at most the tap's {@link RequestBodyTap#maxBytes()}; a copy of its own
 * @param complete whether {@code bytes} is the whole body ({@code false}: only its start was sent)
 */
public record RequestBody(String url, String method, String contentType, String user, String clientIp, byte[] bytes,
        boolean complete) {
}
