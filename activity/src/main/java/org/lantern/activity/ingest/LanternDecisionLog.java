package org.lantern.activity.ingest;

import java.nio.charset.StandardCharsets;
import org.lantern.activity.ActivityRow;
import org.lantern.filter.log.DecisionLog;
import org.lantern.filter.log.DecisionLogReader;
import org.lantern.filter.log.LogEntry;

/**
 * Reads Lantern's own decision log ({@link DecisionLog}'s {@code decisions-YYYY-MM-DD.jsonl} day
 * files, one JSON entry a line) into activity rows with source {@code lantern}. The entry already
 * holds the person, group, rule, category, policy version and search term; the row adds the host
 * and its registrable domain, and keeps the filter's own action words ({@code ALLOW_AND_LOG},
 * {@code BLOCK_AND_ALERT}). The proxies know no HTTP status or byte count, so those are
 * {@code null}. Not thread-safe: one per reader.
 */
public final class LanternDecisionLog implements LineParser {

    /** The {@link ActivityRow#source()} of Lantern's rows. */
    public static final String SOURCE = "lantern";

    private final HostTable hosts = new HostTable(1 << 14);

    /** Creates a parser with an empty host cache. */
    public LanternDecisionLog() {}

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ActivityRow parse(byte[] b, int from, int to, boolean ascii) throws BadLineException {
        String line = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (line.isBlank()) {
            return null;
        }
        try {
            return row(DecisionLogReader.parse(line));
        } catch (IllegalArgumentException e) {
            throw new BadLineException(e.getMessage());
        }
    }

    /**
     * @param e a decision-log entry
     * @return its activity row
     * @throws IllegalArgumentException when the entry's URL names no host
     */
    public ActivityRow row(LogEntry e) {
        String url = e.url();
        int authorityFrom = url.indexOf("://");
        authorityFrom = authorityFrom < 0 ? 0 : authorityFrom + 3;
        int authorityTo = authorityFrom;
        while (authorityTo < url.length() && "/?#".indexOf(url.charAt(authorityTo)) < 0) {
            authorityTo++;
        }
        String authority = url.substring(authorityFrom, authorityTo);
        String hostText;
        boolean hasPort;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("URL has an unclosed [ in its host: " + url);
            }
            hostText = authority.substring(1, close);
            hasPort = close + 1 < authority.length();
        } else {
            int colon = authority.indexOf(':');
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            hasPort = colon >= 0;
        }
        if (hostText.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        HostTable.Host host = hosts.get(hostText);
        boolean connect = "CONNECT".equals(e.method());
        // The filter logs a tunnel as https://host/ (its normalised form, port 443 left out); the
        // activity log shows it as Squid does and as the browser asked: host:port.
        String rowUrl = connect ? (hasPort ? authority : authority + ":443") : url;
        return new ActivityRow(e.time(), personId(e.personId()), e.user(), e.groupId(), null, e.clientIp(), null,
                e.method(), host.name(), host.domain(), rowUrl, e.category(), e.activity(), e.action().name(),
                e.rule().name(), e.policyVersion(), e.searchTerm(), e.bypassAttempt(), null, null, SOURCE);
    }

    /**
     * The people directory's ids are numbers, written into the decision log as text; anything
     * else (an entry from a directory the server does not own) ties the row to nobody rather than
     * to a wrong person.
     */
    private static Long personId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(id);
    }
}
