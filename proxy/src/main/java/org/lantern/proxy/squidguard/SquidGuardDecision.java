package org.lantern.proxy.squidguard;

import java.util.List;
import java.util.Optional;
import org.lantern.filter.match.Match;
import org.lantern.filter.url.NormalisedUrl;

/**
 * What squidGuard's rules decide for one request, and why: the source class and acl branch used,
 * the destination class that blocked, the redirect, and the list entries that matched, so every
 * decision can be explained and audited.
 *
 * @param blocked whether the request is blocked
 * @param sourceClass the source class the client fell into, or {@code default}
 * @param targetClass the destination class (or pass-list word) that blocked; empty when passed
 * @param redirectUrl the substituted redirect target when blocked and a redirect applies
 * @param status 301/302/303/307 when the redirect is an HTTP redirect, 0 for a transparent rewrite
 * @param matches every list entry that matched the URL
 * @param url the URL as normalised and judged, or {@code null} when it could not be read
 */
public record SquidGuardDecision(boolean blocked, String sourceClass, String targetClass,
        Optional<String> redirectUrl, int status, List<Match> matches, NormalisedUrl url) {

    /** Target class of requests whose URL cannot be parsed: they are blocked, never passed unjudged. */
    public static final String INVALID_URL = "lantern-invalid-url";

    /** Copies the match list so the decision is immutable. */
    public SquidGuardDecision {
        matches = List.copyOf(matches);
    }
}
