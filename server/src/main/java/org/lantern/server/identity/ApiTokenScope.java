package org.lantern.server.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API token may do. A token usually acts with all its account's permissions; a token
 * limited to ingest, kept on a proxy or log server to send the activity log in, carries
 * {@link Permission#ACTIVITY_INGEST} alone (and only while its account's role has it), so
 * whoever takes it from that machine can send rows but read nothing.
 */
public enum ApiTokenScope {
    /** Every permission of the token's account. */
    FULL("Full: everything the account may do"),
    /** Sending activity-log rows in, nothing else. */
    INGEST("Ingest only: sends the activity log in");

    private final String label;

    ApiTokenScope(String label) {
        this.label = label;
    }

    /** @return how the tokens page names the scope */
    public String label() {
        return label;
    }

    /** @return the stored and typed name, e.g. {@code ingest} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a scope's {@link #id()}, any case
     * @return the scope, or empty for an unknown name
     */
    public static Optional<ApiTokenScope> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }

    /** @return whether a token of this scope may be made for an account of {@code role} */
    boolean allowedFor(Role role) {
        return this == FULL || role.permissions().contains(Permission.ACTIVITY_INGEST);
    }

    /** @return the authorities a request with a token of this scope, of an account of {@code role}, holds */
    List<GrantedAuthority> authorities(Role role) {
        if (this == FULL) {
            return Authorities.of(role);
        }
        return role.permissions().contains(Permission.ACTIVITY_INGEST)
                ? List.of(new SimpleGrantedAuthority(Permission.ACTIVITY_INGEST.authority()))
                : List.of();
    }
}
