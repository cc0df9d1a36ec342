package org.lantern.server.unblocking;

/**
 * Addresses on the synthetic illegal-content list the tests load ({@code unblocking/illegal-content.txt},
 * reserved {@code .invalid} names only, configured as {@code lantern.filter.illegal-lists} for tests).
 */
final class IllegalAddresses {

    /** Whole site: everything on it is illegal. */
    static final String SITE = "https://www.abuse.invalid/";
    /** A folder on an otherwise ordinary site. */
    static final String FOLDER = "http://terror.invalid/propaganda/page.html";

    private IllegalAddresses() {
    }
}
