package org.lantern.server.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.lantern.server.identity.TwoFactorTest.WRONG_CODE;
import static org.lantern.server.identity.TwoFactorTest.code;
import static org.lantern.server.identity.TwoFactorTest.currentStep;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two-factor secrets are encrypted at rest ({@link TotpSecrets}), on H2 and on PostgreSQL. */
@PersistenceTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TotpSecretsTest {

    private static final String PASSWORD = TwoFactorTest.PASSWORD;
    private static final long STEP = TwoFactorTest.STEP;
    /** A secret as an earlier version stored it, in plain base32. */
    private static final String PLAIN = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    TotpSecrets secrets;
    @Autowired
    AccountStore store;
    @Autowired
    AccountEvents events;
    @Autowired
    AuditChain audit;
    @Autowired
    LogonAudit logons;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate rows;
    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path keys;

    private String stored(long id) {
        return rows.queryForObject("SELECT totp_secret FROM account WHERE id = ?", String.class, id);
    }

    private void store(long id, String value) {
        rows.update("UPDATE account SET totp_secret = ? WHERE id = ?", value, id);
    }

    /** The stored value with one bit of its tag flipped. */
    private static String tampered(String value) {
        byte[] bytes = Base64.getDecoder().decode(value.substring(TotpSecrets.VERSION.length()));
        bytes[bytes.length - 1] ^= 1;
        return TotpSecrets.VERSION + Base64.getEncoder().encodeToString(bytes);
    }

    /** Two-factor as a server whose clock is in the middle of {@code step} and whose secrets are {@code with}. */
    private TwoFactorService server(TotpSecrets with, long step) {
        return new TwoFactorService(store, with, events, jdbc,
                Clock.fixed(Instant.ofEpochSecond(step * TwoFactorService.PERIOD_SECONDS + 15), ZoneOffset.UTC));
    }

    /** An account enrolled with the code of {@link #STEP}; returns its id. */
    private long enrolledAtStep(TotpSecrets with, String username) throws Exception {
        long id = accounts.create(username, "Secret " + username, Role.STAFF, PASSWORD, "test");
        TwoFactorService atEnrolment = server(with, STEP);
        atEnrolment.confirmEnrolment(id, code(atEnrolment.startEnrolment(id).secret(), STEP));
        return id;
    }

    /** An account enrolled now, with the real clock; returns its id. */
    private long enrolledNow(String username) throws Exception {
        long id = accounts.create(username, "Secret " + username, Role.STAFF, PASSWORD, "test");
        twoFactor.confirmEnrolment(id, code(twoFactor.startEnrolment(id).secret(), currentStep()));
        return id;
    }

    private boolean verify(TotpSecrets with, long step, long id, String code) {
        return server(with, step).verify(store.findById(id).orElseThrow(), code);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private List<String> eventsOf(long id) {
        return events.forAccount(id).stream().map(AccountEvents.AccountEvent::action).toList();
    }

    /** Secrets encrypted with a key of the test's own, written to a key file it knows; returns the key in base64. */
    private String ownKeyFile() throws Exception {
        byte[] key = new byte[SecretKeyFile.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);
        Files.writeString(keys.resolve(SecretKeyFile.DEFAULT_NAME), base64 + "\n");
        return base64;
    }

    /**
     * Starts secrets on the test's own key file and takes every path that uses the key: enrolment,
     * sign-in, a secret that does not decrypt, and one encrypted from plain text.
     */
    private void useTheKey(String usernames) throws Exception {
        TotpSecrets own = new TotpSecrets(jdbc, audit, events, transactions, keys.resolve(SecretKeyFile.DEFAULT_NAME));
        long signingIn = enrolledAtStep(own, usernames + ".signin");
        verify(own, STEP + 1, signingIn, code(own.read(signingIn).orElseThrow(), STEP + 1));
        long tampered = enrolledAtStep(own, usernames + ".tampered");
        store(tampered, tampered(stored(tampered)));
        verify(own, STEP + 1, tampered, code(PLAIN, STEP + 1));
        store(enrolledAtStep(own, usernames + ".plain"), PLAIN);
        own.encryptPlainSecrets();
    }

    /** Every way the key could be written as text: base64 (both alphabets) and hex. */
    private static List<String> spellings(String base64) {
        byte[] key = Base64.getDecoder().decode(base64);
        return List.of(base64, Base64.getUrlEncoder().encodeToString(key), HexFormat.of().formatHex(key),
                HexFormat.of().withUpperCase().formatHex(key));
    }

    @Test
    void theStoredColumnNeverHoldsThePlainSecretAfterEnrolment() throws Exception {
        long id = accounts.create("enc.column", "Enc Column", Role.STAFF, PASSWORD, "test");
        String secret = twoFactor.startEnrolment(id).secret();
        String waiting = stored(id);

        twoFactor.confirmEnrolment(id, code(secret, currentStep()));

        assertThat(List.of(waiting, stored(id)))
                .allSatisfy(value -> assertThat(value).startsWith(TotpSecrets.VERSION).doesNotContain(secret));
    }

    @Test
    void enrollingWithTheSecretShownAndSigningInWithItsCodeWorks() throws Exception {
        accounts.create("enc.signin", "Enc Signin", Role.STAFF, PASSWORD, "test");
        MockHttpSession enrolling = signIn("enc.signin");
        TwoFactorService.Enrolment shown = (TwoFactorService.Enrolment) mvc.perform(get("/account/two-factor").session(enrolling))
                .andReturn().getModelAndView().getModel().get("enrolment");
        long enrolled = currentStep();
        mvc.perform(post("/account/two-factor").session(enrolling).with(csrf()).param("code", code(shown.secret(), enrolled)))
                .andExpect(status().isOk());

        mvc.perform(post("/login/code").session(signIn("enc.signin")).with(csrf())
                        .param("code", code(shown.secret(), Math.max(enrolled, currentStep()) + 1)))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aCiphertextMovedToAnotherAccountDoesNotVerify() throws Exception {
        long from = enrolledAtStep(secrets, "enc.from");
        long to = enrolledAtStep(secrets, "enc.to");
        String secretOfFrom = secrets.read(from).orElseThrow();

        store(to, stored(from));

        assertThat(verify(secrets, STEP + 1, to, code(secretOfFrom, STEP + 1))).isFalse();
    }

    @Test
    void aTamperedSecretGetsTheUsualWrongCodeAnswerAtSignIn() throws Exception {
        long id = enrolledNow("enc.tamper");
        String secret = secrets.read(id).orElseThrow();
        store(id, tampered(stored(id)));

        mvc.perform(post("/login/code").session(signIn("enc.tamper")).with(csrf())
                        .param("code", code(secret, currentStep() + 1)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("codeError", WRONG_CODE));

        assertThat(logons.search("enc.tamper", LogonOutcome.BAD_CODE, 10, 0)).hasSize(1);
    }

    @Test
    void aTamperedSecretIsAuditedAndLeftAsItIs() throws Exception {
        long id = enrolledAtStep(secrets, "enc.audit");
        String secret = secrets.read(id).orElseThrow();
        String tampered = tampered(stored(id));
        store(id, tampered);

        assertThat(verify(secrets, STEP + 1, id, code(secret, STEP + 1))).isFalse();

        assertThat(eventsOf(id)).first().isEqualTo(TotpSecrets.UNREADABLE_EVENT);
        assertThat(stored(id)).isEqualTo(tampered);
    }

    @Test
    void aRecoveryCodeStillSignsInWhileTheSecretCannotBeDecrypted() throws Exception {
        long id = accounts.create("enc.recovery", "Enc Recovery", Role.STAFF, PASSWORD, "test");
        TwoFactorService atEnrolment = server(secrets, STEP);
        String recovery = atEnrolment.confirmEnrolment(id, code(atEnrolment.startEnrolment(id).secret(), STEP)).get(0);
        store(id, tampered(stored(id)));

        assertThat(verify(secrets, STEP + 1, id, recovery)).isTrue();
    }

    @Test
    void enrolmentWhoseWaitingSecretCannotBeDecryptedSaysToAskAnAdministratorAndKeepsIt() throws Exception {
        long id = accounts.create("enc.waiting", "Enc Waiting", Role.STAFF, PASSWORD, "test");
        twoFactor.startEnrolment(id);
        String tampered = tampered(stored(id));
        store(id, tampered);

        mvc.perform(get("/account/two-factor").session(signIn("enc.waiting")))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("enrolment"))
                .andExpect(model().attribute("codeError", containsString("Ask an administrator")));

        assertThat(stored(id)).isEqualTo(tampered);
        assertThat(eventsOf(id)).first().isEqualTo(TotpSecrets.UNREADABLE_EVENT);
    }

    @Test
    void aPlainSecretFromBeforeEncryptionIsEncryptedAtStart() throws Exception {
        long id = enrolledAtStep(secrets, "enc.plain");
        store(id, PLAIN);

        secrets.afterSingletonsInstantiated();

        assertThat(stored(id)).startsWith(TotpSecrets.VERSION).doesNotContain(PLAIN);
    }

    @Test
    void aPlainSecretEncryptedAtStartStillAcceptsItsCodes() throws Exception {
        long id = enrolledAtStep(secrets, "enc.plaincode");
        store(id, PLAIN);

        secrets.afterSingletonsInstantiated();

        assertThat(verify(secrets, STEP + 1, id, code(PLAIN, STEP + 1))).isTrue();
    }

    @Test
    void aCommandLineToolLeavesPlainSecretsForTheServerToEncrypt() throws Exception {
        long id = enrolledAtStep(secrets, "enc.tool");
        store(id, PLAIN);
        ownKeyFile();
        TotpSecrets tool = new TotpSecrets(jdbc, audit, events, transactions,
                keys.resolve(SecretKeyFile.DEFAULT_NAME), false);

        tool.afterSingletonsInstantiated();

        assertThat(stored(id)).isEqualTo(PLAIN);
    }

    @Test
    void encryptingPlainSecretsAtStartIsAuditedOnceWithTheCount() throws Exception {
        store(enrolledAtStep(secrets, "enc.count1"), PLAIN);
        store(enrolledAtStep(secrets, "enc.count2"), PLAIN);
        long before = audit.head().sequence();

        secrets.afterSingletonsInstantiated();
        secrets.afterSingletonsInstantiated();

        List<AuditEntry> entries = new ArrayList<>(audit.entriesFor(TotpSecrets.RECORD_TYPE, TotpSecrets.RECORD_ID));
        entries.removeIf(entry -> entry.sequence() <= before);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(TotpSecrets.ACTOR);
            assertThat(entry.action()).isEqualTo(TotpSecrets.ENCRYPTED_ACTION);
            assertThat(entry.detailJson()).isEqualTo("{\"accounts\":2}").doesNotContain(PLAIN);
        });
    }

    @Test
    void aMissingKeyFileIsNotReplacedWhileTheDatabaseHoldsSecretsEncryptedWithAKey() throws Exception {
        enrolledAtStep(secrets, "enc.lostkey");
        Path missing = keys.resolve("lost.key");

        assertThatThrownBy(() -> new TotpSecrets(jdbc, audit, events, transactions, missing))
                .isInstanceOf(SecretKeyFile.KeyFileException.class)
                .hasMessageContaining("There is no key file at " + missing.toAbsolutePath())
                .hasMessageContaining("are encrypted with a key");
        assertThat(missing).doesNotExist();
    }

    @Test
    void theKeyIsNeverLogged(CapturedOutput output) throws Exception {
        String key = ownKeyFile();

        useTheKey("enc.log");

        assertThat(output.getAll()).contains(keys.resolve(SecretKeyFile.DEFAULT_NAME).toAbsolutePath().toString())
                .contains("cannot be decrypted").contains("stored in plain text");
        assertThat(spellings(key)).allSatisfy(spelling -> assertThat(output.getAll()).doesNotContain(spelling));
    }

    @Test
    void theKeyIsNeverWrittenToTheDatabase() throws Exception {
        String key = ownKeyFile();

        useTheKey("enc.db");

        List<String> columns = jdbc.sql("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = CURRENT_SCHEMA AND LOWER(data_type) IN "
                        + "('character varying', 'character', 'text', 'character large object')")
                .query((rs, n) -> rs.getString(1) + "." + rs.getString(2)).list();
        assertThat(columns).contains("account.totp_secret", "account_event.reason", "audit_chain.detail");
        for (String column : columns) {
            String[] name = column.split("\\.");
            for (String spelling : spellings(key)) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + name[0] + " WHERE " + name[1] + " LIKE :k")
                        .param("k", "%" + spelling + "%").query(Long.class).single())
                        .as("%s holding the key", column).isZero();
            }
        }
    }
}
