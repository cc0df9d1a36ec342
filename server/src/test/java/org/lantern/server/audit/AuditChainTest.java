package org.lantern.server.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain on a real database. Other test classes append to the same chain, so each test
 * works from the head it finds, and every tampering test puts the row back as it was.
 */
@PersistenceTest
class AuditChainTest {

    @Autowired
    AuditChain chain;
    @Autowired
    JdbcClient jdbc;

    @Test
    void appendLinksTheEntryToThePreviousDigestAndMovesTheHead() {
        AuditChain.Head before = chain.head();

        AuditEntry entry = chain.append("alice", "test.appended", "test", "1", "{\"n\":1}");

        assertThat(entry.sequence()).isEqualTo(before.sequence() + 1);
        assertThat(entry.previousDigest()).isEqualTo(before.digest());
        assertThat(entry.digest()).hasSize(64).isNotEqualTo(before.digest());
        assertThat(chain.head()).isEqualTo(new AuditChain.Head(entry.sequence(), entry.digest()));
    }

    @Test
    void verifyReportsAnIntactChainWithItsCountAndLatestDigest() {
        AuditEntry last = chain.append("alice", "test.appended", "test", "2", "{}");

        Verification result = chain.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.count()).isEqualTo(last.sequence());
        assertThat(result.latestDigest()).isEqualTo(last.digest());
    }

    @Test
    void verifyingWhileTheServerGoesOnAppendingNeverReportsABrokenChain() throws Exception {
        ExecutorService appender = Executors.newSingleThreadExecutor();
        try {
            Future<?> appends = appender.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    chain.append("alice", "test.concurrent", "test", String.valueOf(i), "{}");
                }
            });
            List<Verification> results = new ArrayList<>();
            while (!appends.isDone()) {
                results.add(chain.verify());
            }
            appends.get();
            results.add(chain.verify());

            assertThat(results).allSatisfy(result -> assertThat(result.intact()).as(result.toString()).isTrue());
        } finally {
            appender.shutdownNow();
        }
    }

    @Test
    void anEditedEntryIsNamedAsADigestMismatch() {
        AuditEntry victim = appendThree().get(1);
        String original = victim.detailJson();
        jdbc.sql("UPDATE audit_chain SET detail = '{\"n\":\"forged\"}' WHERE sequence_number = :s")
                .param("s", victim.sequence()).update();
        try {
            Verification result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).contains(victim.sequence());
            assertThat(result.problem().orElseThrow()).startsWith("digest mismatch");
        } finally {
            jdbc.sql("UPDATE audit_chain SET detail = :d WHERE sequence_number = :s")
                    .param("d", original).param("s", victim.sequence()).update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void anEntryRewrittenWithAFreshDigestBreaksTheNextEntrysPreviousDigest() {
        List<AuditEntry> three = appendThree();
        AuditEntry victim = three.get(1);
        String forged = AuditChain.digest(victim.previousDigest(), victim.sequence(), victim.recordedAt(),
                victim.actor(), victim.action(), victim.recordType(), victim.recordId(), "{\"n\":\"forged\"}");
        jdbc.sql("UPDATE audit_chain SET detail = '{\"n\":\"forged\"}', digest = :d WHERE sequence_number = :s")
                .param("d", forged).param("s", victim.sequence()).update();
        try {
            Verification result = chain.verify();

            assertThat(result.brokenAt()).contains(three.get(2).sequence());
            assertThat(result.problem().orElseThrow()).startsWith("previous-digest mismatch");
        } finally {
            jdbc.sql("UPDATE audit_chain SET detail = :detail, digest = :d WHERE sequence_number = :s")
                    .param("detail", victim.detailJson()).param("d", victim.digest()).param("s", victim.sequence()).update();
        }
    }

    @Test
    void aDeletedEntryIsNamedAsAMissingSequence() {
        AuditEntry victim = appendThree().get(1);
        jdbc.sql("DELETE FROM audit_chain WHERE sequence_number = :s").param("s", victim.sequence()).update();
        try {
            Verification result = chain.verify();

            assertThat(result.brokenAt()).contains(victim.sequence());
            assertThat(result.problem().orElseThrow()).startsWith("missing sequence");
        } finally {
            restore(victim);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void anEntryDeletedFromTheEndIsFoundAgainstTheHead() {
        AuditEntry last = appendThree().get(2);
        jdbc.sql("DELETE FROM audit_chain WHERE sequence_number = :s").param("s", last.sequence()).update();
        try {
            Verification result = chain.verify();

            assertThat(result.brokenAt()).contains(last.sequence());
            assertThat(result.problem().orElseThrow()).startsWith("missing sequence");
        } finally {
            restore(last);
        }
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = chain.head().sequence();
        int threads = 6;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "thread" + t;
                tasks.add(() -> {
                    for (int i = 0; i < each; i++) {
                        chain.append(actor, "test.concurrent", "test", Integer.toString(i), "{}");
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(chain.head().sequence()).isEqualTo(before + threads * each);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void detailThatIsNotJsonIsRefusedAndNothingIsAppended() {
        AuditChain.Head before = chain.head();

        assertThatThrownBy(() -> chain.append("alice", "test.bad", "test", "1", "{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThat(chain.head()).isEqualTo(before);
    }

    private List<AuditEntry> appendThree() {
        return List.of(chain.append("alice", "test.tamper", "test", "a", "{\"n\":1}"),
                chain.append("bob", "test.tamper", "test", "b", "{\"n\":2}"),
                chain.append("carol", "test.tamper", "test", "c", "{\"n\":3}"));
    }

    private void restore(AuditEntry e) {
        jdbc.sql("INSERT INTO audit_chain (sequence_number, recorded_at, actor, action, record_type, record_id, detail, "
                        + "previous_digest, digest) VALUES (:seq, :at, :actor, :action, :type, :id, :detail, :prev, :digest)")
                .params(Map.of("seq", e.sequence(), "at", OffsetDateTime.ofInstant(e.recordedAt(), java.time.ZoneOffset.UTC),
                        "actor", e.actor(), "action", e.action(), "type", e.recordType(), "id", e.recordId(),
                        "detail", e.detailJson(), "prev", e.previousDigest(), "digest", e.digest()))
                .update();
    }
}
