package org.lantern.policy;

import java.util.List;

/**
 * Whether the school's proxies inspect TLS: decrypt HTTPS connections (Squid's {@code ssl_bump})
 * so that the filter and the monitor see a secure page's full address and what is sent to it,
 * rather than only the site's name. Part of the policy because what Lantern can see follows from
 * it: reading what pupils type needs it, and the public "What Lantern monitors" page says plainly
 * what is and is not seen.
 *
 * @param enabled          whether HTTPS connections are decrypted; null is off
 * @param exemptCategories ids of the policy's categories whose sites are never decrypted (Squid's
 *                         no-bump, or splice, list: banking, health), so only their names are seen
 */
public record TlsInspection(Boolean enabled, List<String> exemptCategories) {

    /** A policy that says nothing of TLS inspection: HTTPS is not decrypted. */
    public static final TlsInspection DEFAULT = new TlsInspection(false, List.of());

    /** Fills in the defaults: off, nothing exempt. */
    public TlsInspection {
        enabled = enabled != null && enabled;
        exemptCategories = Lists.copy(exemptCategories);
    }
}
