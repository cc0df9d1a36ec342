package org.lantern.server.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Wrong passwords sent all at once: each attempt is counted by one statement in the database
 * before its password is checked, so parallel guesses cannot overwrite each other's counts. Run on
 * H2 and on PostgreSQL, whose row locking differ.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"lantern.logon.lock-after-failures=5", "lantern.logon.delay-after-failures=100"})
class ConcurrentLockoutTest {

    static final int GUESSERS = 30;
    static final int LOCK_AFTER = 5;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void parallelWrongPasswordsLockTheAccountAfterTheThresholdAndNoMoreAreChecked() throws Exception {
        accounts.create("race.lock", "Race Lock", Role.STAFF, "correct horse battery", "test");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(GUESSERS)) {
            for (int i = 0; i < GUESSERS; i++) {
                String guess = "guess " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/login").with(csrf()).param("username", "race.lock").param("password", guess))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        }

        Instant lockedUntil = jdbc.sql("SELECT locked_until FROM account WHERE username = 'race.lock'")
                .query((rs, n) -> AccountStore.instant(rs, "locked_until")).single();
        assertThat(lockedUntil).isAfter(Instant.now());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM logon_attempt WHERE username = 'race.lock' AND outcome = 'BAD_PASSWORD'")
                .query(Integer.class).single()).isEqualTo(LOCK_AFTER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM logon_attempt WHERE username = 'race.lock'")
                .query(Integer.class).single()).isEqualTo(GUESSERS);
    }
}
