package org.lantern.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident audit trail every change to a sensitive record goes through. Each entry holds
 * the SHA-256 of a canonical serialisation of the previous entry's digest and its own fields, so
 * an entry edited, removed or inserted in the database afterwards is found by {@link #verify()}.
 * Keeping the latest digest ({@link #head()}) outside the database also catches a rewrite of the
 * whole chain.
 *
 * <p>Appends join the caller's transaction, so a change and its audit entry commit or roll back
 * together, and lock the single head row, so concurrent appends queue rather than fork the chain.
 */
@Service
public class AuditChain {

    /** The digest the first entry points back to. */
    public static final String GENESIS = "0".repeat(64);

    private static final String HEAD = "SELECT sequence_number, digest FROM audit_chain_head WHERE id = 1";

    static final int MAX_FIELD = 64;
    static final int MAX_DETAIL = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry and returns it.
     *
     * @param actor      who did it (a username, or e.g. {@code cli:alice})
     * @param action     what was done, e.g. {@code incident.recorded}
     * @param recordType the kind of record, e.g. {@code incident}
     * @param recordId   the record's id
     * @param detailJson what changed, as a JSON document
     * @throws IllegalArgumentException for a blank or over-long field or detail that is not JSON
     */
    @Transactional
    public AuditEntry append(String actor, String action, String recordType, String recordId, String detailJson) {
        requireField("actor", actor);
        requireField("action", action);
        requireField("record type", recordType);
        requireField("record id", recordId);
        requireJson(detailJson);
        Head head = lockedHead();
        long sequence = head.sequence() + 1;
        // Microseconds are all PostgreSQL keeps; truncating to milliseconds makes what is hashed
        // exactly what is read back on either database.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String digest = digest(head.digest(), sequence, at, actor, action, recordType, recordId, detailJson);
        jdbc.sql("INSERT INTO audit_chain (sequence_number, recorded_at, actor, action, record_type, record_id, detail, "
                        + "previous_digest, digest) VALUES (:seq, :at, :actor, :action, :type, :id, :detail, :prev, :digest)")
                .param("seq", sequence).param("at", at.atOffset(ZoneOffset.UTC)).param("actor", actor)
                .param("action", action).param("type", recordType).param("id", recordId).param("detail", detailJson)
                .param("prev", head.digest()).param("digest", digest).update();
        jdbc.sql("UPDATE audit_chain_head SET sequence_number = :seq, digest = :digest WHERE id = 1")
                .param("seq", sequence).param("digest", digest).update();
        return new AuditEntry(sequence, at, actor, action, recordType, recordId, detailJson, head.digest(), digest);
    }

    /** The latest entry's sequence number and digest: {@code 0} and {@link #GENESIS} for an empty chain. */
    @Transactional(readOnly = true)
    public Head head() {
        return jdbc.sql(HEAD).query(AuditChain::headRow).single();
    }

    /** The head, holding its row's lock to the end of the transaction: appends take it, one at a time. */
    private Head lockedHead() {
        return jdbc.sql(HEAD + " FOR UPDATE").query(AuditChain::headRow).single();
    }

    private static Head headRow(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getLong("sequence_number"), rs.getString("digest"));
    }

    /** The entries about one record, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> entriesFor(String recordType, String recordId) {
        return jdbc.sql("SELECT * FROM audit_chain WHERE record_type = :type AND record_id = :id ORDER BY sequence_number")
                .param("type", recordType).param("id", recordId).query(AuditChain::entry).list();
    }

    /** The newest entry recording {@code action}, for a page that shows when something last happened. */
    @Transactional(readOnly = true)
    public Optional<AuditEntry> latest(String action) {
        return jdbc.sql("SELECT * FROM audit_chain WHERE action = :action ORDER BY sequence_number DESC LIMIT 1")
                .param("action", action).query(AuditChain::entry).optional();
    }

    /**
     * Walks the whole chain from the first entry and reports the first one that is broken: a
     * sequence number missing, a previous digest that is not the digest before it, or a digest
     * that does not match the entry's content. Entries missing from the end are found against the
     * head row. Appends wait while the chain is walked.
     */
    @Transactional
    public Verification verify() {
        // Holds the head's lock, which every append takes, for the whole walk: the server goes
        // on recording while a chain is checked, and an entry committed between reading the
        // entries and reading the head looked like a chain cut short of its head.
        Head head = lockedHead();
        Walk walk = new Walk();
        jdbc.sql("SELECT * FROM audit_chain ORDER BY sequence_number").query(rs -> {
            if (walk.broken == null) {
                walk.check(entry(rs, 0));
            }
        });
        if (walk.broken != null) {
            return walk.broken;
        }
        if (head.sequence() > walk.count) {
            return Verification.broken(walk.count, walk.count + 1, "missing sequence: the chain ends at "
                    + walk.count + " but the head records " + head.sequence() + " entries");
        }
        if (head.sequence() != walk.count || !head.digest().equals(walk.digest)) {
            return Verification.broken(walk.count, walk.count, "head mismatch: the head records sequence "
                    + head.sequence() + " with digest " + head.digest());
        }
        return new Verification(true, walk.count, walk.digest, Optional.empty(), Optional.empty());
    }

    /** Checks entries in order, remembering the first break. */
    private static final class Walk {
        long count;
        String digest = GENESIS;
        Verification broken;

        void check(AuditEntry e) {
            long expected = count + 1;
            if (e.sequence() != expected) {
                broken = Verification.broken(count, expected, "missing sequence: entry " + expected
                        + " is absent (the next entry is " + e.sequence() + ")");
            } else if (!e.previousDigest().equals(digest)) {
                broken = Verification.broken(count, e.sequence(), "previous-digest mismatch: it points to "
                        + e.previousDigest() + " but entry " + count + " has digest " + digest);
            } else if (!digest(e.previousDigest(), e.sequence(), e.recordedAt(), e.actor(), e.action(),
                    e.recordType(), e.recordId(), e.detailJson()).equals(e.digest())) {
                broken = Verification.broken(count, e.sequence(), "digest mismatch: its content has changed since it was written");
            } else {
                count = e.sequence();
                digest = e.digest();
            }
        }
    }

    /**
     * The canonical serialisation hashed for an entry: each field as its UTF-16 length, a colon,
     * the text and a newline, so no choice of field values can make two entries serialise alike.
     */
    static String digest(String previous, long sequence, Instant at, String actor, String action,
                         String recordType, String recordId, String detail) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {previous, Long.toString(sequence), at.toString(), actor, action,
                recordType, recordId, detail}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("sequence_number"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
                rs.getString("detail"), rs.getString("previous_digest").strip(), rs.getString("digest").strip());
    }

    private static void requireField(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_FIELD) {
            throw new IllegalArgumentException("audit " + name + " must be 1 to " + MAX_FIELD + " characters");
        }
    }

    private static void requireJson(String detail) {
        if (detail == null || detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("audit detail must be JSON of at most " + MAX_DETAIL + " characters");
        }
        try {
            JSON.readTree(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The end of the chain.
     *
     * @param sequence the latest entry's sequence number (0 when empty)
     * @param digest   the latest entry's digest
     */
    public record Head(long sequence, String digest) {
        public Head {
            digest = digest.strip();
        }
    }
}
