package org.lantern.server.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.lantern.server.LanternProperties;
import org.lantern.server.audit.AuditChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two-factor (TOTP) secrets in {@code account.totp_secret}, encrypted at rest: the only code
 * that reads or writes that column, and the only holder of the key. Whoever has a person's secret
 * can make their codes, and the DSL's codes guard safeguarding records about children, so a dump
 * or backup of the database must not be enough: the key lives in a file outside it
 * ({@link SecretKeyFile}).
 *
 * <p>Each secret is encrypted with AES-256-GCM under a random 96-bit nonce and stored as
 * {@value #VERSION} followed by base64 of nonce, ciphertext and tag. The account's id is bound in
 * as associated data, so a ciphertext copied into another account's row does not decrypt there.
 * The version prefix leaves room for another scheme or key later.
 *
 * <p>At start (before the web server takes requests) secrets stored in plain text by an earlier
 * version are encrypted, in one transaction, with one entry in the audit chain giving how many.
 * A secret that does not decrypt is never overwritten (it may only need the right key file back):
 * reading it is logged as an error, recorded in the account's events, and reported to the caller
 * as {@link UnreadableSecretException}.
 */
@Repository
class TotpSecrets implements SmartInitializingSingleton {

    static final String VERSION = "v1:";
    static final String ACTOR = "system";
    static final String ENCRYPTED_ACTION = "two-factor.secrets-encrypted";
    static final String UNREADABLE_EVENT = "TWO_FACTOR_SECRET_UNREADABLE";
    static final String RECORD_TYPE = "two-factor";
    static final String RECORD_ID = "secrets";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(TotpSecrets.class);

    private final JdbcClient jdbc;
    private final AuditChain audit;
    private final AccountEvents events;
    private final TransactionTemplate transaction;
    private final Path keyFile;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final boolean encryptPlainAtStart;

    @Autowired
    TotpSecrets(JdbcClient jdbc, AuditChain audit, AccountEvents events, PlatformTransactionManager transactions,
                LanternProperties lantern, @Value("${lantern.secrets.key-file:}") String keyFile,
                @Value("${lantern.secrets.encrypt-plain-at-start:true}") boolean encryptPlainAtStart) {
        this(jdbc, audit, events, transactions,
                keyFile.isBlank() ? lantern.dataDir().resolve(SecretKeyFile.DEFAULT_NAME) : Path.of(keyFile),
                encryptPlainAtStart);
    }

    /** As the server starts it: plain secrets left by an earlier version are encrypted at start. */
    TotpSecrets(JdbcClient jdbc, AuditChain audit, AccountEvents events, PlatformTransactionManager transactions,
                Path keyFile) {
        this(jdbc, audit, events, transactions, keyFile, true);
    }

    /**
     * Loads the key from {@code keyFile}, creating the file if it is missing and no secret in the
     * database was encrypted with a key already.
     *
     * @param encryptPlainAtStart whether start-up encrypts secrets an earlier version left in plain
     *     text: the server's job. The command-line tools attach to an installation, perhaps from
     *     another directory and so with another key file; if they did it, the secrets would be
     *     encrypted with a key the server never sees.
     * @throws SecretKeyFile.KeyFileException if the key cannot be read or made, or a new key would
     *                                         leave secrets encrypted with the old one unreadable
     */
    TotpSecrets(JdbcClient jdbc, AuditChain audit, AccountEvents events, PlatformTransactionManager transactions,
                Path keyFile, boolean encryptPlainAtStart) {
        this.encryptPlainAtStart = encryptPlainAtStart;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.keyFile = keyFile.toAbsolutePath();
        if (Files.exists(this.keyFile)) {
            this.key = SecretKeyFile.read(this.keyFile);
            LOG.info("Two-factor secrets are encrypted with the key in {}", this.keyFile);
        } else {
            refuseNewKeyForEncryptedSecrets();
            this.key = SecretKeyFile.create(this.keyFile);
            LOG.info("Created {}, the key two-factor secrets are encrypted with: back it up, apart from the database "
                    + "backups. Without it every account must enrol in two-factor again", this.keyFile);
        }
    }

    /** Secrets already encrypted need the key they were encrypted with; a new one would lock their accounts out. */
    private void refuseNewKeyForEncryptedSecrets() {
        long encrypted = jdbc.sql("SELECT COUNT(*) FROM account WHERE totp_secret LIKE :v")
                .param("v", VERSION + "%").query(Long.class).single();
        if (encrypted > 0) {
            throw new SecretKeyFile.KeyFileException("There is no key file at " + keyFile + ", but the two-factor "
                    + "secrets of " + encrypted + " account(s) in the database are encrypted with a key.",
                    "Restore the key file from its backup, or set lantern.secrets.key-file (LANTERN_SECRETS_KEY_FILE) "
                            + "to where it is. If the key is lost, those accounts must enrol in two-factor again: see "
                            + "'Signing in and two-factor' in the README.");
        }
    }

    /** Start-up: encrypts secrets left in plain text, before the web server lets anyone sign in. */
    @Override
    public void afterSingletonsInstantiated() {
        if (encryptPlainAtStart) {
            encryptPlainSecrets();
        }
    }

    /**
     * Encrypts every secret still in plain text (stored before secrets were encrypted), in one
     * transaction with one audit chain entry giving the count. Each row is rewritten only if it
     * still holds the plain secret read, so two servers starting together encrypt it once.
     *
     * @return how many secrets were encrypted
     */
    int encryptPlainSecrets() {
        Integer encrypted = transaction.execute(status -> {
            record Plain(long accountId, String secret) {
            }
            List<Plain> plain = jdbc.sql("SELECT id, totp_secret FROM account WHERE totp_secret IS NOT NULL "
                            + "AND totp_secret NOT LIKE :v ORDER BY id")
                    .param("v", VERSION + "%").query((rs, n) -> new Plain(rs.getLong(1), rs.getString(2))).list();
            int count = 0;
            for (Plain each : plain) {
                count += jdbc.sql("UPDATE account SET totp_secret = :c WHERE id = :id AND totp_secret = :p")
                        .param("c", encrypt(each.accountId(), each.secret())).param("id", each.accountId())
                        .param("p", each.secret()).update();
            }
            if (count > 0) {
                audit.append(ACTOR, ENCRYPTED_ACTION, RECORD_TYPE, RECORD_ID, "{\"accounts\":" + count + "}");
            }
            return count;
        });
        if (encrypted > 0) {
            LOG.info("Encrypted the two-factor secrets of {} account(s) that were stored in plain text", encrypted);
        }
        return encrypted;
    }

    /**
     * The account's secret, if it has one (enrolled, or enrolment started).
     *
     * @throws UnreadableSecretException if the stored value does not decrypt with this server's key;
     *                                   it is logged and recorded in the account's events, and left as it is
     */
    Optional<String> read(long accountId) throws UnreadableSecretException {
        Optional<String> stored = jdbc.sql("SELECT totp_secret FROM account WHERE id = :id AND totp_secret IS NOT NULL")
                .param("id", accountId).query(String.class).optional();
        if (stored.isEmpty()) {
            return stored;
        }
        try {
            return Optional.of(decrypt(accountId, stored.get()));
        } catch (UnreadableSecretException e) {
            LOG.error("The two-factor secret of account {} cannot be decrypted with the key in {}: {}. Its codes are "
                    + "refused; restore the key file it was encrypted with, or reset the account's two-factor so it "
                    + "enrols again", accountId, keyFile, e.getMessage());
            events.record(accountId, ACTOR, UNREADABLE_EVENT, "The stored secret cannot be decrypted: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Stores a new secret for the account, or none ({@code null}). A new secret is not yet
     * confirmed, so two-factor is off for the account until it is, and no code of it counts as used.
     */
    void replace(long accountId, String secret) {
        jdbc.sql("UPDATE account SET totp_secret = :s, totp_enabled = FALSE, totp_last_step = NULL WHERE id = :id")
                .param("s", secret == null ? null : encrypt(accountId, secret)).param("id", accountId).update();
    }

    private String encrypt(long accountId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, accountId, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    private String decrypt(long accountId, String stored) throws UnreadableSecretException {
        if (!stored.startsWith(VERSION)) {
            throw new UnreadableSecretException("it is not in the " + VERSION + " encrypted form");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("it is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("it is too short to be a sealed secret");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, accountId, Arrays.copyOf(bytes, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("it was encrypted with another key, for another account, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    /** A cipher for one value: its nonce, and the account it belongs to as associated data. */
    private Cipher cipher(int mode, long accountId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("lantern account.totp_secret " + accountId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored secret that this server cannot decrypt; the message says why, never what it holds. */
    static final class UnreadableSecretException extends Exception {
        UnreadableSecretException(String why) {
            super(why);
        }
    }
}
