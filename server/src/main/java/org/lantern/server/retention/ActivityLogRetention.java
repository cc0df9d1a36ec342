package org.lantern.server.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.activity.ActivityStore;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the activity log to the school's period (chosen on the retention page, else the
 * installation's {@link ActivityLogRetentionProperties default}): every
 * night it deletes the whole days before the first kept day, except the rows of people under a
 * legal hold, and appends what it did to the {@link AuditChain}. A hold on a person keeps their
 * rows; so does a hold on an incident, for every person it names, because their browsing around
 * the incident may be its evidence.
 *
 * <p>The audit entry keeps the first kept day, the people held and the number of rows deleted,
 * without a digest of the rows: the log is too large to read back every night, and unlike the
 * records on the review list no row of it was ever in the chain.
 */
@Service
public class ActivityLogRetention {

    /** The audit action of a run. */
    public static final String DELETED = "retention.activity-log-deleted";
    /** Who the audit chain names for the nightly run, which no person starts. */
    static final String ACTOR = "lantern";
    private static final String RECORD_TYPE = "activity_log";
    private static final Logger LOG = LoggerFactory.getLogger(ActivityLogRetention.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The audit action of a change to the period on the retention page. */
    public static final String PERIOD_CHOSEN = "retention.activity-log-period-chosen";
    /** The longest period the page accepts: ten years, past any school's need and short of a typing slip. */
    static final int MAX_DAYS = 3_650;

    private final ActivityStore store;
    private final ActivityLogRetentionProperties defaults;
    private final ActivityLogRetentionSettings settings;
    private final JdbcClient jdbc;
    private final AuditChain audit;

    ActivityLogRetention(ActivityStore store, ActivityLogRetentionProperties defaults,
                         ActivityLogRetentionSettings settings, JdbcClient jdbc, AuditChain audit) {
        this.store = store;
        this.defaults = defaults;
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @return the period in force: the school's latest choice, else the installation's default */
    private ActivityLogRetentionProperties period() {
        return settings.current().flatMap(choice -> choice).map(ActivityLogRetentionProperties::new).orElse(defaults);
    }

    /**
     * Sets the period from the retention page, audited; the next nightly run enforces it.
     *
     * @param days a whole number of days from 1 to {@link #MAX_DAYS}, or blank for the installation's default
     * @param reason why, kept in the setting's history
     * @param actor who chose it
     * @throws RetentionRejectedException for a period that is not such a number or a missing reason; nothing is changed
     */
    @Transactional
    public void choosePeriod(String days, String reason, String actor) {
        Integer chosen = days(days);
        RetentionService.requireReason(reason);
        settings.choose(chosen, actor, reason.strip());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("periodDays", chosen);
        detail.put("keeps", period().describe());
        audit.append(actor, PERIOD_CHOSEN, RECORD_TYPE, "period", json(detail));
    }

    private Integer days(String text) {
        String days = text == null ? "" : text.strip();
        if (days.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(days);
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new RetentionRejectedException("The activity log's period must be a whole number of days from 1 to "
                + MAX_DAYS + ", or empty for the default (" + defaults.describe() + ").");
    }

    /** @return what the installation's default keeps, in words, for the page's choice of "the default" */
    public String defaultKeeps() {
        return defaults.describe();
    }

    /** @return the days the school chose, or {@code null} when the default is in force */
    public Integer chosenDays() {
        return settings.current().flatMap(choice -> choice).map(Period::getDays).orElse(null);
    }

    /**
     * A run of the rule.
     *
     * @param at           when it ran
     * @param firstKeptDay the first day it kept
     * @param peopleHeld   how many people's older rows a legal hold kept
     * @param rowsDeleted  the rows it deleted
     */
    public record Run(Instant at, LocalDate firstKeptDay, int peopleHeld, long rowsDeleted) {
    }

    /**
     * Deletes the days before the first kept day on {@code today}, keeping held people's rows.
     *
     * @return what was done, as audited
     */
    @Transactional
    public Run enforce(LocalDate today) {
        LocalDate firstKept = period().firstKeptDay(today);
        TreeSet<Long> held = new TreeSet<>(jdbc.sql(LegalHolds.HELD_PEOPLE).query(Long.class).list());
        // The store is not in the database's transaction: were the audit append to fail after this,
        // the rows would be gone unaudited, and the next night's entry would say it found none.
        long deleted = store.deleteBefore(firstKept, held);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("firstKeptDay", firstKept.toString());
        detail.put("heldPersonIds", List.copyOf(held));
        detail.put("rowsDeleted", deleted);
        AuditEntry entry = audit.append(ACTOR, DELETED, RECORD_TYPE, firstKept.toString(), json(detail));
        LOG.info("Activity log retention: {} rows before {} deleted, {} people held", deleted, firstKept, held.size());
        return new Run(entry.recordedAt(), firstKept, held.size(), deleted);
    }

    /** @return the latest run, from the audit chain so it survives a restart; empty if it never ran */
    public Optional<Run> lastRun() {
        return audit.latest(DELETED).map(entry -> {
            try {
                JsonNode detail = JSON.readTree(entry.detailJson());
                return new Run(entry.recordedAt(), LocalDate.parse(detail.get("firstKeptDay").asText()),
                        detail.get("heldPersonIds").size(), detail.get("rowsDeleted").asLong());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("audit entry " + entry.sequence() + " is not the JSON it was written as", e);
            }
        });
    }

    /** @return what the log keeps, in words */
    public String keeps() {
        return period().describe();
    }

    /** @return the first day the log keeps on {@code today} */
    public LocalDate firstKeptDay(LocalDate today) {
        return period().firstKeptDay(today);
    }

    private static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }
}
