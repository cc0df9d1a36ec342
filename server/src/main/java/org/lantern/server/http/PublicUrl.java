package org.lantern.server.http;

/**
 * Lantern's address as seen from outside, for links in messages sent outside Lantern (emails,
 * webhooks): {@code lantern.public-url}, or this machine on the server's port when it is not set.
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    /** The base address, without a trailing slash, so paths starting with {@code /} can follow. */
    public static String base(String publicUrl, int serverPort) {
        String base = publicUrl.isBlank() ? "http://localhost:" + serverPort : publicUrl.strip();
        return base.replaceAll("/+$", "");
    }
}
