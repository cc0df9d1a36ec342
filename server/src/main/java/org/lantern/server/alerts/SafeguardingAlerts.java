package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.monitor.model.RiskModel;
import org.lantern.server.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the safeguarding monitor finds in the alerts register, beside the filter's alerts:
 * one alert per person, category and window. A repeat within the window of the open alert's
 * latest adds to its count, raises its level if higher and adds its match, rather than raising
 * another alert; a new alert, or one raised to level {@value #EMAIL_LEVEL} or more, owes the DSL
 * an email at once (in the same transaction, through the durable outbox), naming the kind and
 * linking to the alert, never the words, and a level-5 one seen outside school hours goes down the
 * on-call list ({@link OnCallEscalation}). Lower levels wait for the daily and weekly digests
 * ({@link AlertDigest}), and so does an alert about events older than the late window when they
 * reached Lantern (an imported log of yesterday): an email "at once" about them would be news of
 * old events dressed as new. Every match keeps its explanation ({@code safeguarding_match}).
 *
 * <p>Like the register, every change is an entry of the audit chain, without the words.
 */
@Service
public class SafeguardingAlerts {

    /** The lowest level emailed at once. */
    static final int EMAIL_LEVEL = 4;
    /** The actor of the monitor's changes in the audit chain. */
    static final String MONITOR = "lantern-monitor";

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final AlertRegister register;
    private final AlertOutbox outbox;
    private final OnCallEscalation onCall;
    private final DeliveryOutbox deliveries;
    private final Duration lateWindow;
    private final TransactionTemplate transaction;

    SafeguardingAlerts(JdbcClient jdbc, AuditChain audit, AlertRegister register, AlertOutbox outbox,
                       OnCallEscalation onCall, DeliveryOutbox deliveries, DeliveryProperties delivery,
                       PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.register = register;
        this.outbox = outbox;
        this.onCall = onCall;
        this.deliveries = deliveries;
        this.lateWindow = delivery.lateWindow();
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The open alert a risk may be folded into. */
    private record Open(long id, int occurrences, int level, Instant lastSeen, boolean emailOwed) {
    }

    /**
     * Records a risk as a new alert or folds it into the open one, then wakes the outbox once the
     * transaction has committed, so the email it owes can be read.
     *
     * @param risk what the monitor found
     * @return the alert as it now stands
     */
    public Alert record(SafeguardingRisk risk) {
        Alert alert = transaction.execute(status -> recordInTransaction(risk));
        outbox.wake();
        deliveries.wake();
        return alert;
    }

    private Alert recordInTransaction(SafeguardingRisk r) {
        String foldKey = AlertRegister.sha256(r.kind().name() + "\n"
                + AlertRegister.who(r.personId(), r.proxyUser(), r.clientIp()) + "\n" + r.categoryId());
        Optional<Open> open = jdbc.sql("SELECT a.id, a.occurrences, a.level, a.last_seen_at, e.alert_id AS email "
                        + "FROM filter_alert a LEFT JOIN alert_email e ON e.alert_id = a.id WHERE a.fold_key = :key "
                        + "AND a.status = 'NEW' AND a.last_seen_at >= :since ORDER BY a.id DESC LIMIT 1")
                .param("key", foldKey).param("since", AlertRegister.utc(r.at().minus(r.window())))
                .query((rs, n) -> {
                    rs.getLong("email");
                    boolean owed = !rs.wasNull();
                    return new Open(rs.getLong("id"), rs.getInt("occurrences"), rs.getInt("level"),
                            rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(), owed);
                }).optional();
        // Judged against when the event happened, not when its alert was first raised, so a late
        // event folded into a live alert does not make it urgent either.
        boolean late = r.at().isBefore(Instant.now().minus(lateWindow));
        long id;
        if (open.isPresent()) {
            id = fold(open.get(), r, late);
        } else {
            id = insert(r, foldKey, late);
        }
        match(id, r);
        return register.find(id).orElseThrow();
    }

    private long fold(Open open, SafeguardingRisk r, boolean late) {
        int occurrences = open.occurrences() + 1;
        int level = Math.max(open.level(), r.level());
        // Imported logs may arrive out of order: the latest stays the latest.
        Instant last = r.at().isAfter(open.lastSeen()) ? r.at() : open.lastSeen();
        if (r.level() > open.level()) {
            jdbc.sql("UPDATE filter_alert SET occurrences = :n, last_seen_at = :at, level = :level, url = :url, "
                            + "list_category = :library, list_source = :version, list_entry = :phrase, reason = :reason "
                            + "WHERE id = :id")
                    .param("n", occurrences).param("at", AlertRegister.utc(last)).param("level", level)
                    .param("url", AlertRegister.clip(r.url(), 8192)).param("library", AlertRegister.clip(r.library(), 100))
                    .param("version", AlertRegister.clip("version " + r.libraryVersion(), 100)).param("phrase", AlertRegister.clip(r.phrase(), 4096))
                    .param("reason", AlertRegister.clip(reason(r), 2000)).param("id", open.id()).update();
        } else {
            jdbc.sql("UPDATE filter_alert SET occurrences = :n, last_seen_at = :at WHERE id = :id")
                    .param("n", occurrences).param("at", AlertRegister.utc(last)).param("id", open.id()).update();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("occurrences", occurrences);
        detail.put("level", level);
        audit.append(MONITOR, "alert.repeated", AlertAccessLog.ALERT, Long.toString(open.id()), AlertRegister.json(detail));
        if (!late && level >= EMAIL_LEVEL && !open.emailOwed() && outbox.enabled()) {
            outbox.owe(open.id());
        }
        if (!late) {
            onCall.startIfDue(open.id(), level, r.at());
        }
        return open.id();
    }

    private long insert(SafeguardingRisk r, String foldKey, boolean late) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO filter_alert (kind, fold_key, first_seen_at, last_seen_at, occurrences, person_id, "
                        + "subject_name, proxy_user, client_ip, url, rule, category_id, category_name, list_category, "
                        + "list_source, list_entry, policy_version, reason, status, level, recorded_at) VALUES (:kind, :key, :at, "
                        + ":at, "
                        + "1, :person, :name, :user, :ip, :url, :rule, :categoryId, :categoryName, :library, :version, "
                        + ":phrase, :policy, :reason, 'NEW', :level, :recorded)")
                .param("kind", r.kind().name()).param("key", foldKey).param("at", AlertRegister.utc(r.at()))
                .param("person", r.personId()).param("name", AlertRegister.clip(r.subjectName(), 200))
                .param("user", AlertRegister.clip(r.proxyUser(), 128)).param("ip", AlertRegister.clip(r.clientIp(), 64))
                .param("url", AlertRegister.clip(r.url(), 8192)).param("rule", "SAFEGUARDING_MONITOR")
                .param("categoryId", AlertRegister.clip(r.categoryId(), 100)).param("categoryName", categoryName(r.categoryId()))
                .param("library", AlertRegister.clip(r.library(), 100)).param("version", AlertRegister.clip("version " + r.libraryVersion(), 100))
                .param("phrase", AlertRegister.clip(r.phrase(), 4096)).param("policy", r.policyVersion())
                .param("reason", AlertRegister.clip(reason(r), 2000)).param("level", r.level())
                .param("recorded", AlertRegister.utc(Instant.now())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", r.kind().name());
        detail.put("categoryId", r.categoryId());
        detail.put("level", r.level());
        detail.put("personId", r.personId());
        detail.put("urlSha256", AlertRegister.sha256(r.url()));
        detail.put("library", r.library());
        detail.put("libraryVersion", r.libraryVersion());
        detail.put("late", late);
        audit.append(MONITOR, "alert.raised", AlertAccessLog.ALERT, Long.toString(id), AlertRegister.json(detail));
        if (!late && r.level() >= EMAIL_LEVEL && outbox.enabled()) {
            outbox.owe(id);
        }
        if (!late) {
            onCall.startIfDue(id, r.level(), r.at());
        }
        return id;
    }

    private void match(long alertId, SafeguardingRisk r) {
        jdbc.sql("INSERT INTO safeguarding_match (alert_id, seen_at, seen_in, age_band, level, category_id, phrase, "
                        + "normalised, matched_text, context_text, rule, library, library_version, help_seeking) VALUES (:alert, "
                        + ":at, :seenIn, :band, :level, :category, :phrase, :normalised, :matched, :context, :rule, :library, "
                        + ":version, :help)")
                .param("alert", alertId).param("at", AlertRegister.utc(r.at())).param("seenIn", r.seenIn().id())
                .param("band", r.ageBand()).param("level", r.level()).param("category", AlertRegister.clip(r.categoryId(), 40))
                .param("phrase", AlertRegister.clip(r.phrase(), 1000)).param("normalised", AlertRegister.clip(r.normalised(), 1000))
                .param("matched", AlertRegister.clip(r.matchedText(), 1000))
                .param("context", r.context() == null ? null : AlertRegister.clip(r.context(), 1000)).param("rule", AlertRegister.clip(r.rule(), 1000))
                .param("library", AlertRegister.clip(r.library(), 200)).param("version", AlertRegister.clip(r.libraryVersion(), 100))
                .param("help", r.helpSeeking()).update();
    }

    /**
     * Whether the alert was recorded more than the late window after its first event (an imported
     * log), so it was not emailed at once and went into the digest instead.
     */
    public boolean late(long alertId) {
        return jdbc.sql("SELECT first_seen_at, recorded_at FROM filter_alert WHERE id = :id").param("id", alertId)
                .query((rs, n) -> {
                    Instant recorded = AlertRegister.instant(rs, "recorded_at");
                    return recorded != null
                            && recorded.isAfter(AlertRegister.instant(rs, "first_seen_at").plus(lateWindow));
                }).optional().orElse(false);
    }

    /** The late window, for the page that says why an alert was not emailed at once. */
    public Duration lateWindow() {
        return lateWindow;
    }

    /**
     * The words around the latest match of the alert's phrase, which closing it as a false positive
     * offers as the context of a school exclusion (of the phrase there, or for a reading of the risk
     * model, of the model there); empty for the illegal category (never kept) and for alerts of the
     * filter.
     */
    public Optional<String> exclusionContext(Alert alert) {
        if (alert.kind() != AlertKind.SAFEGUARDING_RISK || alert.listEntry() == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT context_text FROM safeguarding_match WHERE alert_id = :id AND phrase = :phrase "
                        + "AND context_text IS NOT NULL ORDER BY id DESC LIMIT 1")
                .param("id", alert.id()).param("phrase", alert.listEntry()).query(String.class).optional();
    }

    /** The sentence the alert page shows under "Why": the level and how the match explains itself. */
    static String reason(SafeguardingRisk r) {
        if (RiskModel.NAME.equals(r.library())) {
            return r.seenIn().sentence() + " was read by Lantern's risk model " + r.libraryVersion() + " as "
                    + categoryName(r.categoryId()).toLowerCase(Locale.ROOT) + " to act on now (estimate " + r.rule().replace("model:", "")
                    + "), weighing most '" + r.phrase() + "' (read as '" + r.normalised() + "', from '" + r.matchedText()
                    + "'), beyond what the library's phrases found; level " + r.level() + " of 5 for age band " + r.ageBand() + ".";
        }
        return r.seenIn().sentence() + " matched the phrase '" + r.phrase() + "' (read as '" + r.normalised() + "', from '"
                + r.matchedText() + "'; rule: " + r.rule() + ") of library " + r.library() + " version "
                + r.libraryVersion() + ": level " + r.level() + " of 5 for age band " + r.ageBand()
                + (r.helpSeeking() ? "; the phrase is help-seeking" : "") + ".";
    }

    /** "self-harm" as people read it: "Self harm". */
    static String categoryName(String categoryId) {
        String words = categoryId.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
