package org.lantern.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * One web request in the activity log, with what was true when it was made: the person, their
 * year group and filter group and the device are copied in at ingest, so a row read a term later
 * still says who it was then, not who holds that address now.
 *
 * <p>Fields a source does not have are {@code null}: Lantern's proxies know the rule and policy
 * version but not the HTTP status; Squid's access.log knows the status and bytes but not the rule.
 *
 * @param time when the request was made
 * @param personId the person it was tied to, or {@code null} when nobody could be
 * @param user the proxy user name as the source gave it, or {@code null}
 * @param groupId the filter group the person was in, or {@code null}
 * @param yearGroup the person's year group then, or {@code null}
 * @param clientIp the client address, or {@code null}
 * @param device the device (name or MAC from the devices register), or {@code null}
 * @param method the HTTP method ({@code CONNECT} for an uninspected HTTPS tunnel)
 * @param host the host name, lower case
 * @param domain the registrable domain of {@code host} (public-suffix list), or the host itself
 * @param url the normalised URL ({@code host:443} for a tunnel)
 * @param category the category the filter applied, or {@code null}
 * @param activity the policy's User Actions row applied, or {@code null}
 * @param action what happened: {@code ALLOW}, {@code BLOCK}, or the source's own word
 * @param rule which step of the filter decided, or {@code null}
 * @param policyVersion the policy version in force, or {@code null}
 * @param searchTerm the search typed, or {@code null}
 * @param bypass whether it looked like an attempt to get round the filter
 * @param status the HTTP status, or {@code null}
 * @param bytes the bytes sent to the client, or {@code null}
 * @param source where the row came from ({@code lantern}, {@code squid})
 */
public record ActivityRow(
        Instant time,
        Long personId,
        String user,
        String groupId,
        String yearGroup,
        String clientIp,
        String device,
        String method,
        String host,
        String domain,
        String url,
        String category,
        String activity,
        String action,
        String rule,
        Long policyVersion,
        String searchTerm,
        boolean bypass,
        Integer status,
        Long bytes,
        String source) {

    /** Rejects rows missing what every search needs. */
    public ActivityRow {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
    }
}
