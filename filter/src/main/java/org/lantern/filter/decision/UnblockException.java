package org.lantern.filter.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedHost;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/**
 * A temporary unblock a member of staff approved: a site, or part of one, opened for some groups
 * or people for a limited time (e.g. a gambling site for a Year 10 maths lesson on probability).
 * It can lift any block except an illegal-content one and never restores access that was removed
 * from a person. Each exception is named, so decisions and the audit trail can cite it.
 *
 * @param id stable id, cited by decisions
 * @param scope whether {@code target} is a domain or a URL prefix
 * @param target for {@link Scope#DOMAIN} a normalised host, matching it and its sub-domains; for
 *     {@link Scope#URL_PREFIX} a normalised {@code host/path[?query]} that the request's match form
 *     must start with (so a URL prefix never opens a {@code CONNECT} tunnel unless it is a whole
 *     site, {@code host/})
 * @param groupIds policy groups it applies to
 * @param personIds people it applies to
 * @param from when it starts (inclusive)
 * @param until when it ends (exclusive); after that it is ignored
 * @param approvedBy who approved it
 * @param reason why, as recorded at approval
 */
public record UnblockException(
        String id,
        Scope scope,
        String target,
        Set<String> groupIds,
        Set<String> personIds,
        Instant from,
        Instant until,
        String approvedBy,
        String reason) {

    private static final UrlNormaliser NORMALISER = new UrlNormaliser();

    /** What an exception's target names. */
    public enum Scope {
        /** A host and its sub-domains. */
        DOMAIN,
        /** A URL prefix: host exactly, path and query by prefix. */
        URL_PREFIX
    }

    /** Rejects exceptions that could not be audited or that would apply to nobody or forever. */
    public UnblockException {
        requireText(id, "id");
        Objects.requireNonNull(scope, "scope");
        requireText(target, "target");
        groupIds = Set.copyOf(Objects.requireNonNull(groupIds, "groupIds"));
        personIds = Set.copyOf(Objects.requireNonNull(personIds, "personIds"));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        requireText(approvedBy, "approvedBy");
        requireText(reason, "reason");
        if (groupIds.isEmpty() && personIds.isEmpty()) {
            throw new IllegalArgumentException("exception " + id + " names no group and no person");
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("exception " + id + " ends before it starts");
        }
        if (scope == Scope.URL_PREFIX && target.indexOf('/') < 0) {
            throw new IllegalArgumentException("URL prefix " + target + " has no path; use a DOMAIN exception");
        }
    }

    /**
     * An exception for a domain and its sub-domains.
     *
     * @param domain the domain as typed by staff, normalised here
     * @throws MalformedUrlException when {@code domain} is not a valid host
     */
    public static UnblockException forDomain(String id, String domain, Set<String> groupIds, Set<String> personIds,
            Instant from, Instant until, String approvedBy, String reason) throws MalformedUrlException {
        NormalisedHost host = NORMALISER.normaliseHost(domain);
        return new UnblockException(id, Scope.DOMAIN, host.name(), groupIds, personIds, from, until, approvedBy,
                reason);
    }

    /**
     * An exception for every URL starting with a prefix.
     *
     * @param urlPrefix the URL as typed by staff, normalised here as requests are
     * @throws MalformedUrlException when {@code urlPrefix} is not a valid URL
     */
    public static UnblockException forUrlPrefix(String id, String urlPrefix, Set<String> groupIds,
            Set<String> personIds, Instant from, Instant until, String approvedBy, String reason)
            throws MalformedUrlException {
        NormalisedUrl url = NORMALISER.normalise(urlPrefix);
        return new UnblockException(id, Scope.URL_PREFIX, url.matchForm(), groupIds, personIds, from, until,
                approvedBy, reason);
    }

    /** @return whether the exception is in force at {@code at} */
    public boolean activeAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    /**
     * @param subject who the request is for
     * @return whether the exception names the subject's person or group
     */
    public boolean coversSubject(Subject subject) {
        return groupIds.contains(subject.groupId())
                || (subject.personId() != null && personIds.contains(subject.personId()));
    }

    /**
     * @param url the normalised request
     * @return whether the exception's target covers the URL
     */
    public boolean coversUrl(NormalisedUrl url) {
        if (scope == Scope.DOMAIN) {
            String host = url.host();
            return host.equals(target)
                    || (!url.hostIsIp() && host.endsWith(target) && host.charAt(host.length() - target.length() - 1) == '.');
        }
        return url.matchForm().startsWith(target);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
