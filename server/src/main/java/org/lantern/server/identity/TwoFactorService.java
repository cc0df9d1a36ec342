package org.lantern.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication (RFC 6238, as in authenticator apps): enrolment with a secret
 * and QR code, confirmation with a first code, ten single-use recovery codes (stored as SHA-256
 * hashes: each has about 80 random bits, so a slow hash adds nothing), checking codes at logon,
 * and the administrator's reset and exemption. Every change is audited in {@link AccountEvents}.
 */
@Service
public class TwoFactorService {

    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Lantern";

    private final AccountStore store;
    private final AccountEvents events;
    private final JdbcClient jdbc;
    private final CodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());

    TwoFactorService(AccountStore store, AccountEvents events, JdbcClient jdbc) {
        this.store = store;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** What the enrolment page shows: the secret to type in, the otpauth URI, and the same as a QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrDataUri) {
    }

    /**
     * Starts (or resumes) enrolment: a new secret unless one is already waiting for confirmation,
     * so reloading the page does not invalidate what the person already scanned.
     *
     * @throws AccountException if the account is already enrolled
     */
    @Transactional
    public Enrolment startEnrolment(long accountId) {
        AccountStore.StoredAccount account = account(accountId);
        if (account.totpEnabled()) {
            throw new AccountException("code", "Two-factor authentication is already set up for this account.");
        }
        String secret = account.totpSecret();
        if (secret == null) {
            secret = new DefaultSecretGenerator().generate();
            store.setTotp(accountId, secret, false);
        }
        QrData data = new QrData.Builder().label(account.username()).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
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
     * which are never shown again.
     *
     * @throws AccountException if no enrolment was started or the code is wrong; nothing changes
     */
    @Transactional
    public List<String> confirmEnrolment(long accountId, String code) {
        AccountStore.StoredAccount account = account(accountId);
        if (account.totpEnabled() || account.totpSecret() == null) {
            throw new AccountException("code", "Start two-factor set-up again from the two-factor page.");
        }
        if (!validTotp(account.totpSecret(), code)) {
            throw new AccountException("code", "That code is not right. Enter the 6-digit code your app shows now.");
        }
        store.setTotp(accountId, account.totpSecret(), true);
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :a").param("a", accountId).update();
        List<String> codes = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String recovery : codes) {
            jdbc.sql("INSERT INTO recovery_code (account_id, code_hash) VALUES (:a, :h)")
                    .param("a", accountId).param("h", hash(normalise(recovery))).update();
        }
        events.record(accountId, account.username(), "TWO_FACTOR_ENROLLED", null);
        return codes;
    }

    /** Whether {@code code} is the current TOTP code or an unused recovery code (which is then used up). */
    @Transactional
    boolean verify(AccountStore.StoredAccount account, String code) {
        if (code == null || account.totpSecret() == null) {
            return false;
        }
        if (validTotp(account.totpSecret(), code)) {
            return true;
        }
        int used = jdbc.sql("UPDATE recovery_code SET used_at = :now WHERE account_id = :a AND code_hash = :h AND used_at IS NULL")
                .param("now", AccountStore.utc(Instant.now())).param("a", account.id())
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
        store.setTotp(accountId, null, false);
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

    private boolean validTotp(String secret, String code) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        return digits.matches("\\d{6}") && verifier.isValidCode(secret, digits);
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
