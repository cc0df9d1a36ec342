package org.lantern.server.incidents;

import java.net.URI;
import java.net.URISyntaxException;

/** Redacts an address that may lead to illegal material down to its site, so nobody follows it. */
final class Links {

    static final String WITHHELD = "[address withheld: suspected illegal material]";

    private Links() {
    }

    /** {@code https://example.org/…}, or {@link #WITHHELD} if the text is not an address with a host. */
    static String redact(String link) {
        try {
            URI uri = new URI(link.strip());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + "/… (rest withheld: suspected illegal material)";
            }
        } catch (URISyntaxException e) {
            // Not an address at all (a device name, say): withheld whole below.
        }
        return WITHHELD;
    }
}
