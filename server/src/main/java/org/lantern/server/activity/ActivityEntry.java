package org.lantern.server.activity;

import java.time.Instant;

import org.lantern.activity.ActivityRow;

/**
 * One request as a searcher is shown it, on the page, in a CSV file and in the API. For a
 * searcher who does not see names, the person (their number and name) is left out; the user
 * name, address and device stay, as technical work needs them.
 *
 * @param time       when the request was made
 * @param personId   the person it was tied to, or null (also when the searcher does not see names)
 * @param personName their name, or null
 * @param user       the proxy user name, or null
 * @param yearGroup  the person's year group then, or null
 * @param group      the filter group then, or null
 * @param clientIp   the client address, or null
 * @param device     the device, or null
 * @param method     the HTTP method
 * @param url        the normalised URL
 * @param host       the host name
 * @param category   the category the filter applied, or null
 * @param action     {@code ALLOW}, {@code BLOCK} or the source's own word
 * @param rule       the filter step that decided, or null
 * @param searchTerm the search typed, or null
 * @param bypass     whether it looked like an attempt to get round the filter
 * @param status     the HTTP status, or null
 * @param source     where the row came from ({@code lantern}, {@code squid})
 */
public record ActivityEntry(Instant time, Long personId, String personName, String user, String yearGroup,
                            String group, String clientIp, String device, String method, String url, String host,
                            String category, String action, String rule, String searchTerm, boolean bypass,
                            Integer status, String source) {

    /** The row as shown: with the person's name when {@code name} is given, without the person when not. */
    static ActivityEntry of(ActivityRow row, boolean names, String name) {
        return new ActivityEntry(row.time(), names ? row.personId() : null, names ? name : null, row.user(),
                row.yearGroup(), row.groupId(), row.clientIp(), row.device(), row.method(), row.url(), row.host(),
                row.category(), row.action(), row.rule(), row.searchTerm(), row.bypass(), row.status(), row.source());
    }

    /** Whether the filter blocked it. */
    public boolean blocked() {
        return "BLOCK".equals(action);
    }
}
