package org.lantern.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code account} table: the one place identity reads and writes account rows, but for the
 * encrypted two-factor secret, which only {@link TotpSecrets} touches.
 */
@Repository
class AccountStore {

    private static final String COLUMNS = "id, username, display_name, role, password_hash, enabled, "
            + "must_change_password, failed_attempts, not_before, locked_until, last_logon_at, "
            + "totp_enabled, two_factor_exempt";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One account row as identity needs it. */
    record StoredAccount(long id, String username, String displayName, Role role, String passwordHash,
                         boolean enabled, boolean mustChangePassword, int failedAttempts, Instant notBefore,
                         Instant lockedUntil, Instant lastLogonAt, boolean totpEnabled,
                         boolean twoFactorExempt) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** Whether this account must present a TOTP code at logon. */
        boolean needsCode() {
            return totpEnabled && !twoFactorExempt;
        }

        /** Whether this account must enrol in two-factor before it may do anything else. */
        boolean needsEnrolment() {
            return role.twoFactorRequiredByDefault() && !twoFactorExempt && !totpEnabled;
        }
    }

    /** What the per-request check needs: cheap, by primary key. */
    record Status(boolean enabled, boolean mustChangePassword, int credentialsVersion) {
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = :u").param("u", username)
                .query(AccountStore::map).optional();
    }

    Optional<StoredAccount> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id").param("id", id)
                .query(AccountStore::map).optional();
    }

    List<StoredAccount> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY username").query(AccountStore::map).list();
    }

    Optional<Status> status(long id) {
        return jdbc.sql("SELECT enabled, must_change_password, credentials_version FROM account WHERE id = :id").param("id", id)
                .query((rs, n) -> new Status(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3))).optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, Role role, String passwordHash, boolean mustChangePassword) {
        OffsetDateTime now = utc(Instant.now());
        jdbc.sql("""
                INSERT INTO account (username, display_name, role, password_hash, enabled, must_change_password,
                                     password_changed_at, created_at)
                VALUES (:u, :d, :r, :h, TRUE, :m, :now, :now)""")
                .param("u", username).param("d", displayName).param("r", role.name()).param("h", passwordHash)
                .param("m", mustChangePassword).param("now", now).update();
        return findByUsername(username).orElseThrow().id();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id).update();
    }

    void requirePasswordChange(long id) {
        jdbc.sql("UPDATE account SET must_change_password = TRUE WHERE id = :id").param("id", id).update();
    }

    /**
     * Counts an attempt on the account before its password or code is checked, if one may be made
     * now. The count is moved by one conditional UPDATE in the database, never read, incremented
     * and written back, so attempts in parallel (on one server or several) cannot overwrite each
     * other's counts: at most {@code lockAfter} attempts of a run of failures are ever counted,
     * and so checked, before the lock, however many arrive at once.
     *
     * @param ignoreLock whether a lock in force does not bind this attempt (its address took no part in the failures)
     * @return this attempt's number in the current run of failures, or empty if none may be made now
     */
    @Transactional
    OptionalInt claimAttempt(long id, Instant now, int lockAfter, boolean ignoreLock) {
        String lock = ignoreLock ? "" : " AND (locked_until IS NULL OR locked_until <= :now)";
        int claimed = jdbc.sql("UPDATE account SET failed_attempts = failed_attempts + 1 WHERE id = :id AND enabled = TRUE"
                        + " AND failed_attempts < :max AND (not_before IS NULL OR not_before <= :now)" + lock)
                .param("id", id).param("max", lockAfter).param("now", utc(now)).update();
        if (claimed == 0) {
            return OptionalInt.empty();
        }
        // The UPDATE holds the row until this transaction ends, so this reads this attempt's own count.
        return OptionalInt.of(jdbc.sql("SELECT failed_attempts FROM account WHERE id = :id").param("id", id)
                .query(Integer.class).single());
    }

    /** Gives back an attempt counted by {@link #claimAttempt} whose password was right, while its second factor is still owed. */
    void releaseAttempt(long id) {
        jdbc.sql("UPDATE account SET failed_attempts = failed_attempts - 1 WHERE id = :id AND failed_attempts > 0")
                .param("id", id).update();
    }

    /** Makes the next attempt wait until {@code notBefore}, unless a failure in parallel already set a later time. */
    void delayNextAttempt(long id, Instant notBefore) {
        jdbc.sql("UPDATE account SET not_before = :nb WHERE id = :id AND (not_before IS NULL OR not_before < :nb)")
                .param("nb", utc(notBefore)).param("id", id).update();
    }

    /** Locks the account until {@code until}; the lock replaces the count, so after it the account gets a fresh, slowed run. */
    void lock(long id, Instant until) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, not_before = NULL, locked_until = :lu WHERE id = :id")
                .param("lu", utc(until)).param("id", id).update();
    }

    void recordSuccess(long id, Instant at) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, not_before = NULL, locked_until = NULL, last_logon_at = :at WHERE id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, not_before = NULL, locked_until = NULL WHERE id = :id")
                .param("id", id).update();
    }

    /** Turns two-factor on with the secret already stored ({@link TotpSecrets}), once a first code confirmed it. */
    void enableTotp(long id) {
        jdbc.sql("UPDATE account SET totp_enabled = TRUE WHERE id = :id").param("id", id).update();
    }

    /**
     * Marks the TOTP time step {@code step} used, if it is later than the last step used. One
     * conditional UPDATE, so of two sign-ins racing with the same code (on one server or on two
     * sharing the database) exactly one moves it.
     *
     * @return whether this call moved it; false if a code of this step or a later one was already accepted
     */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("UPDATE account SET totp_last_step = :step "
                        + "WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)")
                .param("step", step).param("id", id).update() == 1;
    }

    void setTwoFactorExempt(long id, boolean exempt) {
        jdbc.sql("UPDATE account SET two_factor_exempt = :x WHERE id = :id").param("x", exempt).param("id", id).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        return new StoredAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"), instant(rs, "not_before"),
                instant(rs, "locked_until"), instant(rs, "last_logon_at"), rs.getBoolean("totp_enabled"),
                rs.getBoolean("two_factor_exempt"));
    }
}
