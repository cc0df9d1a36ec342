package org.lantern.server.identity.password;

import java.util.Optional;

/**
 * One requirement a new password must meet. A {@link PasswordPolicy} is a list of these, so a
 * school's rules can be composed from small, separately tested pieces.
 */
public interface PasswordRule {

    /** Stable identifier, e.g. {@code min-length}; used in audit rows and tests. */
    String id();

    /** The requirement in plain English, for the settings page, e.g. "At least 8 characters". */
    String describe();

    /** The violation if {@code candidate} breaks this rule, else empty. */
    Optional<Violation> check(String candidate, PasswordContext context);
}
