package org.lantern.server.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.lantern.policy.Category;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.PolicyError;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.PolicyValidationException;
import org.lantern.server.http.SchoolTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's policy and its history. A change never edits a version: it adds a new one, valid
 * or refused as a whole, with its author and reason, so the record shows which policy was in force
 * at any time and why it changed. This is the port other features use to read the policy in force;
 * each new version is announced with a {@link PolicyChanged} event.
 */
@Service
public class PolicyService {

    /** Longest reason accepted, matching the column. */
    public static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private volatile Parsed cache;

    PolicyService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Parsed(int number, PolicyDocument document) {
    }

    /** The version in force, if any version exists yet. */
    public Optional<PolicyVersion> current() {
        return jdbc.sql(SELECT + " ORDER BY version_number DESC LIMIT 1").query(PolicyService::map).optional();
    }

    /** The parsed policy in force. */
    public PolicyDocument currentDocument() {
        PolicyVersion version = current().orElseThrow(() -> new NoSuchElementException("no policy version exists"));
        Parsed parsed = cache;
        if (parsed == null || parsed.number() != version.number()) {
            parsed = new Parsed(version.number(), PolicyParser.parse(version.yaml()));
            cache = parsed;
        }
        return parsed.document();
    }

    /**
     * The name the policy in force gives a category, for pages that count by category: the id
     * itself for a category the policy no longer has, or before any policy exists.
     */
    public String categoryName(String id) {
        try {
            return currentDocument().category(id).map(Category::name).orElse(id);
        } catch (NoSuchElementException e) {
            return id;
        }
    }

    /** The review the policy in force is late for, if it is. */
    public Optional<PolicyReview> reviewOverdue() {
        return current().isEmpty() ? Optional.empty() : PolicyReview.overdue(currentDocument(), SchoolTime.today());
    }

    /** Every version, newest first. */
    public List<PolicyVersion> versions() {
        return jdbc.sql(SELECT + " ORDER BY version_number DESC").query(PolicyService::map).list();
    }

    /** The newest version marked a material change, if any is. */
    public Optional<PolicyVersion> latestMaterial() {
        return jdbc.sql(SELECT + " WHERE material = TRUE ORDER BY version_number DESC LIMIT 1").query(PolicyService::map)
                .optional();
    }

    /** Version {@code number}, if it exists. */
    public Optional<PolicyVersion> version(int number) {
        return jdbc.sql(SELECT + " WHERE version_number = :n").param("n", number).query(PolicyService::map).optional();
    }

    /**
     * Puts a new policy text in force, if it is valid.
     *
     * @return the new version
     * @throws PolicyChangeRejectedException if the text or the reason is invalid; nothing changes
     */
    @Transactional
    public PolicyVersion propose(String yaml, String author, String reason) {
        return propose(yaml, author, reason, false);
    }

    /**
     * Puts a new policy text in force, if it is valid, marked a material change or not.
     *
     * @param material whether what is allowed, filtered or monitored changed: the agreements register
     *                 then asks whether each acceptable-use agreement needs a new version
     * @return the new version
     * @throws PolicyChangeRejectedException if the text or the reason is invalid; nothing changes
     */
    @Transactional
    public PolicyVersion propose(String yaml, String author, String reason, boolean material) {
        return add(yaml, author, reason, null, material);
    }

    /**
     * Puts the text of an earlier version back in force as a new version.
     *
     * @throws NoSuchElementException        if there is no such version
     * @throws PolicyChangeRejectedException if the reason is invalid or the old text no longer validates
     */
    @Transactional
    public PolicyVersion restore(int number, String author, String reason) {
        PolicyVersion old = version(number).orElseThrow(() -> new NoSuchElementException("no policy version " + number));
        return add(old.yaml(), author, reason, number, false);
    }

    /** Loads a first version if the school has none yet; does nothing otherwise. */
    @Transactional
    public void initialiseIfEmpty(String yaml, String author, String reason) {
        if (current().isEmpty()) {
            add(yaml, author, reason, null, false);
        }
    }

    private PolicyVersion add(String yaml, String author, String reason, Integer restoredFrom, boolean material) {
        List<String> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add("reason: say why the policy is changing");
        } else if (reason.strip().length() > MAX_REASON) {
            errors.add("reason: at most " + MAX_REASON + " characters");
        }
        try {
            PolicyParser.parse(yaml);
        } catch (PolicyValidationException e) {
            e.errors().stream().map(PolicyError::toString).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new PolicyChangeRejectedException(errors);
        }
        int number = jdbc.sql("SELECT COALESCE(MAX(version_number), 0) + 1 FROM policy_version").query(Integer.class).single();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO policy_version (version_number, yaml_text, author, created_at, reason, restored_from, material)
                VALUES (:n, :yaml, :author, :at, :reason, :from, :material)""")
                .param("n", number).param("yaml", yaml).param("author", author)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("reason", reason.strip())
                .param("from", restoredFrom).param("material", material)
                .update();
        events.publishEvent(new PolicyChanged(number));
        return version(number).orElseThrow();
    }

    private static final String SELECT =
            "SELECT version_number, yaml_text, author, created_at, reason, restored_from, material FROM policy_version";

    private static PolicyVersion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("created_at");
        return new PolicyVersion(rs.getInt("version_number"), rs.getString("yaml_text"), rs.getString("author"),
                at.toInstant(), rs.getString("reason"), rs.getObject("restored_from", Integer.class),
                rs.getBoolean("material"));
    }
}
