package org.lantern.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication (RFC 6238, as in authenticator apps): enrolment with a secret
 * and QR code, confirmation with a first code, ten single-use recovery codes (stored as SHA-256
 * hashes: each has about 80 random bits, so a slow hash adds nothing), checking codes at logon,
 * and the administrator's reset and exemption. Every change is audited in {@link AccountEvents}.
 * Secrets are kept encrypted by {@link TotpSecrets}; one that cannot be decrypted makes its codes
 * wrong codes (recovery codes still work) and holds up enrolment, and is never replaced here.
 *
 * <p>A TOTP code is accepted once (RFC 6238 §5.2): the account keeps the time step of the last code
 * it accepted, and a code of that step or an earlier one is refused like a wrong code, so a code
 * read over someone's shoulder cannot be used while it is still on their screen.
 */
@Service
public class TwoFactorService {

    static final int RECOVERY_CODES = 10;
    /** Seconds per TOTP time step, as every authenticator app uses. */
    static final int PERIOD_SECONDS = 30;
    /** Steps either side of now also accepted, for a phone's clock a little fast or slow. */
    static final int DRIFT_STEPS = 1;
    private static final String ISSUER = "Lantern";
    private static final String SIX_DIGITS = "\\d{6}";
    private static final Logger LOG = LoggerFactory.getLogger(TwoFactorService.class);

    private final AccountStore store;
    private final TotpSecrets secrets;
    private final AccountEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CodeGenerator generator = new DefaultCodeGenerator();

    @Autowired
    TwoFactorService(AccountStore store, TotpSecrets secrets, AccountEvents events, JdbcClient jdbc) {
        this(store, secrets, events, jdbc, Clock.systemUTC());
    }

    TwoFactorService(AccountStore store, TotpSecrets secrets, AccountEvents events, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the enrolment page shows: the secret to type in, the otpauth URI, and the same as a QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrDataUri) {
    }

    /**
     * Starts (or resumes) enrolment: a new secret unless one is already waiting for confirmation,
     * so reloading the page does not invalidate what the person already scanned.
     *
     * @throws AccountException if the account is already enrolled, or its waiting secret cannot be decrypted
     */
    // An AccountException is thrown before anything is written, and committing keeps the account
    // event that records an unreadable secret.
    @Transactional(noRollbackFor = AccountException.class)
    public Enrolment startEnrolment(long accountId) {
        AccountStore.StoredAccount account = account(accountId);
        if (account.totpEnabled()) {
            throw new AccountException("code", "Two-factor authentication is already set up for this account.");
        }
        String secret = waitingSecret(accountId).orElse(null);
        if (secret == null) {
            secret = new DefaultSecretGenerator().generate();
            secrets.replace(accountId, secret);
        }
        QrData data = new QrData.Builder().label(account.username()).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
        String image;
        try {
            image = Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType());
        } catch (QrGenerationException e) {
            image = null;
        }
        return new Enrolment(secret, data.getUri(), image);
    }

    /**
     * Confirms enrolment with a code from the person's app and returns their recovery codes,
     * which are never shown again. The code counts as used, like one given at logon.
     *
     * @throws AccountException if no enrolment was started, its secret cannot be decrypted or the
     *                          code is wrong; nothing changes
     */
    // As for startEnrolment: nothing is written before an AccountException, and its event is kept.
    @Transactional(noRollbackFor = AccountException.class)
    public List<String> confirmEnrolment(long accountId, String code) {
        AccountStore.StoredAccount account = account(accountId);
        Optional<String> secret = account.totpEnabled() ? Optional.empty() : waitingSecret(accountId);
        if (secret.isEmpty()) {
            throw new AccountException("code", "Start two-factor set-up again from the two-factor page.");
        }
        OptionalLong step = totpStep(secret.get(), code);
        if (step.isEmpty()) {
            throw new AccountException("code", "That code is not right. Enter the 6-digit code your app shows now.");
        }
        store.enableTotp(accountId);
        store.useTotpStep(accountId, step.getAsLong());
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :a").param("a", accountId).update();
        List<String> codes = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String recovery : codes) {
            jdbc.sql("INSERT INTO recovery_code (account_id, code_hash) VALUES (:a, :h)")
                    .param("a", accountId).param("h", hash(normalise(recovery))).update();
        }
        events.record(accountId, account.username(), "TWO_FACTOR_ENROLLED", null);
        return codes;
    }

    /**
     * Whether {@code code} is a current TOTP code not used before, or an unused recovery code;
     * either is then used up. A TOTP code of a time step at or before the last one accepted is
     * refused, as a wrong code is, and so is every TOTP code while the account's secret cannot be
     * decrypted (recovery codes are kept apart from it, so they still work).
     */
    @Transactional
    boolean verify(AccountStore.StoredAccount account, String code) {
        if (code == null) {
            return false;
        }
        OptionalLong step = totpStep(account.id(), code);
        if (step.isPresent()) {
            if (store.useTotpStep(account.id(), step.getAsLong())) {
                return true;
            }
            // The person is told only that the code is not right, but a replay is worth a look in the log.
            LOG.warn("Refused a two-factor code for account {} ({}): a code of its time step or a later one was "
                    + "already used", account.id(), account.username());
            return false;
        }
        int used = jdbc.sql("UPDATE recovery_code SET used_at = :now WHERE account_id = :a AND code_hash = :h AND used_at IS NULL")
                .param("now", AccountStore.utc(clock.instant())).param("a", account.id())
                .param("h", hash(normalise(code))).update();
        if (used > 0) {
            events.record(account.id(), account.username(), "RECOVERY_CODE_USED", null);
        }
        return used > 0;
    }

    /** Removes an account's enrolment so it enrols afresh at its next logon (e.g. a lost phone). */
    @Transactional
    public void reset(long accountId, String actor, String reason) {
        account(accountId);
        secrets.replace(accountId, null);
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :a").param("a", accountId).update();
        events.record(accountId, actor, "TWO_FACTOR_RESET", reason);
    }

    /** Exempts an account from (or returns it to) the two-factor requirement of its role. */
    @Transactional
    public void setExempt(long accountId, boolean exempt, String actor, String reason) {
        account(accountId);
        store.setTwoFactorExempt(accountId, exempt);
        events.record(accountId, actor, exempt ? "TWO_FACTOR_EXEMPTED" : "TWO_FACTOR_EXEMPTION_REMOVED", reason);
    }

    private AccountStore.StoredAccount account(long accountId) {
        return store.findById(accountId).orElseThrow(() -> new AccountException("account", "There is no such account."));
    }

    /** The secret stored by a started enrolment, if any. */
    private Optional<String> waitingSecret(long accountId) {
        try {
            return secrets.read(accountId);
        } catch (TotpSecrets.UnreadableSecretException e) {
            throw new AccountException("code", "Two-factor set-up cannot go on: the secret saved for it cannot be read. "
                    + "Ask an administrator to reset two-factor for your account.");
        }
    }

    /**
     * As {@link #totpStep(String, String)} with the account's stored secret, read only for a code
     * that looks like a TOTP code. Empty if the account has no secret or it cannot be decrypted.
     */
    private OptionalLong totpStep(long accountId, String code) {
        if (!digits(code).matches(SIX_DIGITS)) {
            return OptionalLong.empty();
        }
        try {
            return secrets.read(accountId).map(secret -> totpStep(secret, code)).orElse(OptionalLong.empty());
        } catch (TotpSecrets.UnreadableSecretException e) {
            // Logged and recorded in the account's events as it was read; to the person it is a wrong code.
            return OptionalLong.empty();
        }
    }

    /**
     * The time step whose code {@code code} is, among now and {@link #DRIFT_STEPS} either side; the
     * latest if several match. Empty if it is none of them.
     */
    private OptionalLong totpStep(String secret, String code) {
        String digits = digits(code);
        if (!digits.matches(SIX_DIGITS)) {
            return OptionalLong.empty();
        }
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        for (long step = now + DRIFT_STEPS; step >= now - DRIFT_STEPS; step--) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("the stored TOTP secret of an account cannot make codes", e);
        }
    }

    private static String digits(String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }

    private static String normalise(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
