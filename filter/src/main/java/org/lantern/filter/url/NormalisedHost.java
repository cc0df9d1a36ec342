package org.lantern.filter.url;

/**
 * A host in canonical ASCII form, as produced by {@link UrlNormaliser#normaliseHost(String)}.
 *
 * @param name lower-case ASCII host: punycode for IDNs, dotted decimal for IPv4, RFC 5952 text
 *     without brackets for IPv6
 * @param ip whether the host is an IP address literal, which list entries match exactly rather
 *     than by label suffix
 */
public record NormalisedHost(String name, boolean ip) {}
