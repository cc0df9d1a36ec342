package org.lantern.filter.decision;

import java.util.Objects;
import java.util.Set;

/**
 * Filter choices the policy document does not (yet) express. Kept in one record so that they are
 * versioned and swapped with the rest of a {@link FilterSnapshot}.
 *
 * <p><b>Default group.</b> Requests that no directory entry identifies (an unknown user name, an
 * unregistered device, a guest network) are judged as members of the default group. When {@code
 * defaultGroupId} is {@code null} the engine uses the policy's first group of kind {@code visitor};
 * a policy without one must name a default group here, otherwise the snapshot is refused, because
 * guessing a group for anonymous traffic could open content the school never meant to open.
 *
 * @param defaultGroupId id of a policy group for unidentified requests, or {@code null} for the
 *     policy's first visitor group
 * @param rawIpHosts what to do with requests addressed to a raw IP
 * @param bypassLists list categories whose matches are filter-bypass attempts (proxies, VPNs,
 *     encrypted DNS)
 */
public record FilterSettings(String defaultGroupId, RawIpHosts rawIpHosts, Set<String> bypassLists) {

    /** UT1 list categories of anonymisers, VPNs, DNS-over-HTTPS and residential proxies. */
    public static final Set<String> UT1_BYPASS_LISTS =
            Set.of("redirector", "strong_redirector", "strict_redirector", "vpn", "doh", "residential-proxies");

    /** Copies the list set and rejects missing choices. */
    public FilterSettings {
        Objects.requireNonNull(rawIpHosts, "rawIpHosts");
        bypassLists = Set.copyOf(Objects.requireNonNull(bypassLists, "bypassLists"));
    }

    /** @return the defaults: the policy's visitor group, raw IP hosts logged, the UT1 bypass lists */
    public static FilterSettings defaults() {
        return new FilterSettings(null, RawIpHosts.LOG, UT1_BYPASS_LISTS);
    }

    /** @return these settings with another default group */
    public FilterSettings withDefaultGroup(String groupId) {
        return new FilterSettings(groupId, rawIpHosts, bypassLists);
    }

    /** @return these settings with another raw-IP choice */
    public FilterSettings withRawIpHosts(RawIpHosts choice) {
        return new FilterSettings(defaultGroupId, choice, bypassLists);
    }
}
