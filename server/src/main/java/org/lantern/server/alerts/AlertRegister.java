package org.lantern.server.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.Rule;
import org.lantern.policy.Category;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.filtering.FilterAlert;
import org.lantern.server.filtering.SubjectPerson;
import org.lantern.server.filtering.bypass.BypassAttempt;
import org.lantern.server.filtering.bypass.PersistentBypassAttempts;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.policy.PolicyService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts register: every {@code BLOCK_AND_ALERT} decision of the filter and every run of
 * persistent bypass attempts, for the DSL to act on. A repeat by the same person for the same
 * address while the alert is new and within the fold window is counted on the same alert. A new
 * alert owes the DSL an email when email is on; the email is written in the same transaction, so
 * it is sent even if the server stops straight after.
 *
 * <p>Every change is an entry of the audit chain (the address and the note by SHA-256 only, so
 * the chain never holds a second copy of a possibly illegal address); every look is logged.
 */
@Service
public class AlertRegister {

    /** The actor of changes the filter makes on its own. */
    static final String SYSTEM = "lantern-filter";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SELECT = "SELECT a.*, e.attempts, e.sent_at, e.recipients, e.last_error, "
            + "e.next_attempt_at, e.alert_id AS email_alert, acc.username AS assignee_name FROM filter_alert a "
            + "LEFT JOIN alert_email e ON e.alert_id = a.id LEFT JOIN account acc ON acc.id = a.assignee_account";

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final AlertAccessLog looks;
    private final PolicyService policies;
    private final AlertProperties settings;
    private final AlertOutbox outbox;

    AlertRegister(JdbcClient jdbc, AuditChain audit, AlertAccessLog looks, PolicyService policies,
                  AlertProperties settings, AlertOutbox outbox) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.looks = looks;
        this.policies = policies;
        this.settings = settings;
        this.outbox = outbox;
    }

    /** An alert about to be recorded or folded, whatever raised it. */
    private record Raised(AlertKind kind, String who, String what, Instant at, int occurrences, int repeats,
                          Duration window, Long personId, String subjectName, String proxyUser, String clientIp,
                          String url, String rule, String categoryId, String categoryName, String listCategory,
                          String listSource, String listEntry, long policyVersion, String reason) {
    }

    /**
     * Which alerts to list.
     *
     * @param status     only this status, or {@code null} for all
     * @param kind       only this kind, or {@code null} for all
     * @param from       first seen at or after, or {@code null}
     * @param to         first seen before, or {@code null}
     * @param assignee   only alerts assigned to this account, or {@code null}
     * @param unassigned only alerts assigned to nobody (then {@code assignee} is {@code null})
     * @param page       page number from 0
     * @param size       alerts per page
     */
    public record Query(AlertStatus status, AlertKind kind, Instant from, Instant to, Long assignee, boolean unassigned,
                        int page, int size) {

        /** Any assignee. */
        public Query(AlertStatus status, AlertKind kind, Instant from, Instant to, int page, int size) {
            this(status, kind, from, to, null, false, page, size);
        }
    }

    /**
     * A page of alerts, newest first.
     *
     * @param alerts the alerts
     * @param more   whether there are older ones
     */
    public record Page(List<Alert> alerts, boolean more) {
    }

    /** Records (or folds) the alert a {@code BLOCK_AND_ALERT} decision raises. */
    @Transactional
    public Alert record(FilterAlert event) {
        Decision d = event.decision();
        AlertKind kind = d.rule() == Rule.ILLEGAL_LIST ? AlertKind.ILLEGAL_CONTENT : AlertKind.ILLEGAL_ACTIVITY;
        String url = d.request().url().toString();
        Long personId = SubjectPerson.id(d.subject());
        return record(new Raised(kind, who(personId, d.request().userName(), d.request().clientIp()), url,
                d.request().at(), 1, 1, settings.foldWindow(), personId, d.subject().displayName(),
                d.request().userName(), d.request().clientIp(), url, d.rule().name(), d.policyCategory(),
                categoryName(d), d.match() == null ? null : d.match().category(),
                d.match() == null ? null : d.match().source(), d.match() == null ? null : d.match().entry(),
                d.policyVersion(), d.reason()));
    }

    /** Records the alert persistent bypass attempts raise, or adds the new attempts to the open one. */
    @Transactional
    public Alert record(PersistentBypassAttempts event) {
        BypassAttempt a = event.latest();
        String category = BypassAttempt.RAW_IP.equals(a.category()) ? "bare IP addresses" : a.category();
        return record(new Raised(AlertKind.PERSISTENT_BYPASS, who(a.personId(), a.proxyUser(), a.clientIp()), "",
                a.at(), event.attemptsInWindow(), event.newAttempts(), event.window(), a.personId(), a.subjectName(),
                a.proxyUser(), a.clientIp(), a.host(), a.rule(), null, "Attempts to get round the filter",
                a.category(), null, null, event.policyVersion(),
                event.attemptsInWindow() + " attempts to get round the filter within " + minutes(event.window())
                        + "; the latest through " + category + "."));
    }

    /** The alert with this id, without logging a look (for the system's own use). */
    Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AlertRegister::alert).optional();
    }

    /** The alert with this id, the look logged. */
    @Transactional
    public Optional<Alert> read(long id, Viewer viewer, Channel channel) {
        Optional<Alert> alert = find(id);
        alert.ifPresent(a -> looks.log(viewer, id, channel));
        return alert;
    }

    /** Every alert about this person, oldest first, without logging a look (for the chronology, which logs its own). */
    List<Alert> about(long personId) {
        return jdbc.sql(SELECT + " WHERE a.person_id = :person ORDER BY a.id").param("person", personId)
                .query(AlertRegister::alert).list();
    }

    /** Every alert about this person, oldest first, each look logged (for a subject access export). */
    @Transactional
    public List<Alert> about(long personId, Viewer viewer, Channel channel) {
        List<Alert> alerts = about(personId);
        alerts.forEach(a -> looks.log(viewer, a.id(), channel));
        return alerts;
    }

    /** A page of alerts, newest first, each line's look logged. */
    @Transactional
    public Page list(Query query, Viewer viewer, Channel channel) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            sql.append(" AND a.status = :status");
            params.put("status", query.status().name());
        }
        if (query.kind() != null) {
            sql.append(" AND a.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.assignee() != null) {
            sql.append(" AND a.assignee_account = :assignee");
            params.put("assignee", query.assignee());
        } else if (query.unassigned()) {
            sql.append(" AND a.assignee_account IS NULL");
        }
        if (query.from() != null) {
            sql.append(" AND a.first_seen_at >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND a.first_seen_at < :to");
            params.put("to", utc(query.to()));
        }
        sql.append(" ORDER BY a.last_seen_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", query.size() + 1);
        params.put("offset", (long) query.page() * query.size());
        List<Alert> found = jdbc.sql(sql.toString()).params(params).query(AlertRegister::alert).list();
        List<Alert> shown = found.subList(0, Math.min(found.size(), query.size()));
        shown.forEach(a -> looks.log(viewer, a.id(), channel));
        return new Page(List.copyOf(shown), found.size() > query.size());
    }

    /** How many alerts nobody has taken into review or closed yet. */
    public long countNew() {
        return jdbc.sql("SELECT COUNT(*) FROM filter_alert WHERE status = 'NEW'").query(Long.class).single();
    }

    private Alert record(Raised r) {
        String foldKey = sha256(r.kind().name() + "\n" + r.who() + "\n" + r.what());
        Optional<long[]> open = jdbc.sql("SELECT id, occurrences FROM filter_alert WHERE fold_key = :key "
                        + "AND status = 'NEW' AND last_seen_at >= :since ORDER BY id DESC LIMIT 1")
                .param("key", foldKey).param("since", utc(r.at().minus(r.window())))
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getInt("occurrences")}).optional();
        if (open.isPresent()) {
            long id = open.get()[0];
            long occurrences = open.get()[1] + r.repeats();
            jdbc.sql("UPDATE filter_alert SET occurrences = :n, last_seen_at = :at, url = :url WHERE id = :id")
                    .param("n", occurrences).param("at", utc(r.at())).param("url", clip(r.url(), 8192))
                    .param("id", id).update();
            audit.append(SYSTEM, "alert.repeated", AlertAccessLog.ALERT, Long.toString(id),
                    json(Map.of("occurrences", occurrences)));
            return find(id).orElseThrow();
        }
        long id = insert(r, foldKey);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", r.kind().name());
        detail.put("rule", r.rule());
        detail.put("categoryId", r.categoryId());
        detail.put("personId", r.personId());
        detail.put("urlSha256", sha256(r.url()));
        detail.put("policyVersion", r.policyVersion());
        audit.append(SYSTEM, "alert.raised", AlertAccessLog.ALERT, Long.toString(id), json(detail));
        if (outbox.enabled()) {
            outbox.owe(id);
        }
        return find(id).orElseThrow();
    }

    private long insert(Raised r, String foldKey) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO filter_alert (kind, fold_key, first_seen_at, last_seen_at, occurrences, person_id, "
                        + "subject_name, proxy_user, client_ip, url, rule, category_id, category_name, list_category, "
                        + "list_source, list_entry, policy_version, reason, status) VALUES (:kind, :key, :at, :at, :n, "
                        + ":person, :name, :user, :ip, :url, :rule, :categoryId, :categoryName, :listCategory, "
                        + ":listSource, :listEntry, :version, :reason, 'NEW')")
                .param("kind", r.kind().name()).param("key", foldKey).param("at", utc(r.at()))
                .param("n", r.occurrences()).param("person", r.personId()).param("name", clip(r.subjectName(), 200))
                .param("user", clip(r.proxyUser(), 128)).param("ip", clip(r.clientIp(), 64))
                .param("url", clip(r.url(), 8192)).param("rule", r.rule()).param("categoryId", clip(r.categoryId(), 100))
                .param("categoryName", clip(r.categoryName(), 200)).param("listCategory", clip(r.listCategory(), 100))
                .param("listSource", clip(r.listSource(), 100)).param("listEntry", clip(r.listEntry(), 4096))
                .param("version", r.policyVersion()).param("reason", clip(r.reason(), 2000))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String categoryName(Decision d) {
        if (d.policyCategory() != null) {
            Optional<String> name = Optional.empty();
            try {
                name = policies.currentDocument().category(d.policyCategory()).map(Category::name);
            } catch (RuntimeException e) {
                // Without a readable policy the category's id still says what it was.
            }
            return name.orElse(d.policyCategory());
        }
        if (d.match() != null) {
            return "Illegal-content list " + d.match().category();
        }
        return "Illegal content";
    }

    static String who(Long personId, String proxyUser, String clientIp) {
        return personId != null ? "person:" + personId
                : proxyUser != null ? "user:" + proxyUser
                : clientIp != null ? "ip:" + clientIp : "unknown";
    }

    private static String minutes(Duration window) {
        long m = window.toMinutes();
        return m == 1 ? "1 minute" : m + " minutes";
    }

    static Alert alert(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        rs.getLong("email_alert");
        Alert.Email email = null;
        if (!rs.wasNull()) {
            int recipients = rs.getInt("recipients");
            Integer sentTo = rs.wasNull() ? null : recipients;
            email = new Alert.Email(rs.getInt("attempts"), instant(rs, "sent_at"), sentTo, rs.getString("last_error"),
                    instant(rs, "next_attempt_at"));
        }
        return new Alert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")), instant(rs, "first_seen_at"),
                instant(rs, "last_seen_at"), rs.getInt("occurrences"), personId, rs.getString("subject_name"),
                rs.getString("proxy_user"), rs.getString("client_ip"), rs.getString("url"), rs.getString("rule"),
                rs.getString("category_id"), rs.getString("category_name"), rs.getString("list_category"),
                rs.getString("list_source"), rs.getString("list_entry"), rs.getLong("policy_version"),
                rs.getString("reason"), AlertStatus.valueOf(rs.getString("status")),
                rs.getString("outcome") == null ? null : AlertOutcome.valueOf(rs.getString("outcome")),
                nullableLong(rs, "assignee_account"), rs.getString("assignee_name"), rs.getString("closed_by"),
                instant(rs, "closed_at"), nullableLong(rs, "incident_id"), email);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail could not be written as JSON", e);
        }
    }
}
