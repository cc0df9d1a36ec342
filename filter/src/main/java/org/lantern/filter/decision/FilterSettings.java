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
 * @param agreementPage the absolute address of the page where a person held by the network gate
 *     accepts the acceptable-use agreement, or {@code null} when there is none; requests to its host
 *     are never held, or the person could not reach the page that lets them through
 */
public record FilterSettings(String defaultGroupId, RawIpHosts rawIpHosts, Set<String> bypassLists,
                             String agreementPage) {

    /** UT1 list categories of anonymisers, VPNs, DNS-over-HTTPS and residential proxies. */
    public static final Set<String> UT1_BYPASS_LISTS =
            Set.of("redirector", "strong_redirector", "strict_redirector", "vpn", "doh", "residential-proxies");

    /** Copies the list set and rejects missing choices. */
    public FilterSettings {
        Objects.requireNonNull(rawIpHosts, "rawIpHosts");
        bypassLists = Set.copyOf(Objects.requireNonNull(bypassLists, "bypassLists"));
        if (agreementPage != null && agreementHost(agreementPage) == null) {
            throw new IllegalArgumentException("the agreement page must be an absolute http(s) address: " + agreementPage);
        }
    }

    /** Settings with no agreement page. */
    public FilterSettings(String defaultGroupId, RawIpHosts rawIpHosts, Set<String> bypassLists) {
        this(defaultGroupId, rawIpHosts, bypassLists, null);
    }

    /** @return the defaults: the policy's visitor group, raw IP hosts logged, the UT1 bypass lists */
    public static FilterSettings defaults() {
        return new FilterSettings(null, RawIpHosts.LOG, UT1_BYPASS_LISTS);
    }

    /** @return these settings with another default group */
    public FilterSettings withDefaultGroup(String groupId) {
        return new FilterSettings(groupId, rawIpHosts, bypassLists, agreementPage);
    }

    /** @return these settings with another raw-IP choice */
    public FilterSettings withRawIpHosts(RawIpHosts choice) {
        return new FilterSettings(defaultGroupId, choice, bypassLists, agreementPage);
    }

    /** @return these settings with another agreement page ({@code null} for none) */
    public FilterSettings withAgreementPage(String page) {
        return new FilterSettings(defaultGroupId, rawIpHosts, bypassLists, page);
    }

    /** @return the host of the agreement page, lower case, or {@code null} when there is none */
    public String agreementHost() {
        return agreementPage == null ? null : agreementHost(agreementPage);
    }

    private static String agreementHost(String page) {
        try {
            java.net.URI uri = java.net.URI.create(page);
            String scheme = uri.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? uri.getHost().toLowerCase(java.util.Locale.ROOT) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
