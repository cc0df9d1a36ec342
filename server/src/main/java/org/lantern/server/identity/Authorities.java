package org.lantern.server.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities a session holds. A fully signed-in account holds its role's permissions; one
 * that has given the right password but not yet its second factor holds a single marker
 * authority, which no controller accepts, so it can reach only the code or enrolment page.
 */
final class Authorities {

    /** Password accepted; a TOTP or recovery code is still needed. */
    static final String PENDING_CODE = "PENDING_SECOND_FACTOR";
    /** Password accepted; the account must enrol in two-factor first. */
    static final String PENDING_ENROLMENT = "PENDING_TWO_FACTOR_ENROLMENT";

    private Authorities() {
    }

    static List<GrantedAuthority> of(Role role) {
        return role.permissions().stream()
                .<GrantedAuthority>map(p -> new SimpleGrantedAuthority(p.authority()))
                .toList();
    }

    static List<GrantedAuthority> pending(String marker) {
        return List.of(new SimpleGrantedAuthority(marker));
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
