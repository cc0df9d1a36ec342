package org.lantern.server.identity;

import jakarta.servlet.http.HttpSession;

/**
 * The version of an account's credentials a browser session signed in under
 * ({@code account.credentials_version}, moved by every password change and reset). A session
 * signed in under an earlier version ends at its next request ({@link AccountSessionFilter}), so
 * changing a password shuts out every other session, and an administrator's reset every session.
 */
public final class SessionCredentials {

    static final String ATTRIBUTE = "lantern.credentialsVersion";

    private SessionCredentials() {
    }

    /** Marks the session as signed in under this version: at sign-in, and for the session that changed the password itself. */
    public static void mark(HttpSession session, int version) {
        session.setAttribute(ATTRIBUTE, version);
    }

    /** Whether the session signed in under an earlier version. A session never marked (made by a test, not a sign-in) is not judged. */
    static boolean outdated(HttpSession session, int current) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Integer version && version != current;
    }
}
