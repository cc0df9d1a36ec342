package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PersistenceTest
class AlertRegisterTest {

    private static final Viewer DSL = new Viewer(1, "register.dsl", true);

    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertTriage triage;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    @Test
    void anIllegalContentAlertKeepsWhoWhatWhenAndWhichListEntry() {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/a?b=1", 42L, "Ada Lovelace", "ada.l",
                "10.0.0.7", now));

        assertThat(alert.kind()).isEqualTo(AlertKind.ILLEGAL_CONTENT);
        assertThat(alert.personId()).isEqualTo(42L);
        assertThat(alert.subjectName()).isEqualTo("Ada Lovelace");
        assertThat(alert.proxyUser()).isEqualTo("ada.l");
        assertThat(alert.clientIp()).isEqualTo("10.0.0.7");
        assertThat(alert.url()).isEqualTo("http://abuse.invalid/a?b=1");
        assertThat(alert.rule()).isEqualTo("ILLEGAL_LIST");
        assertThat(alert.listCategory()).isEqualTo("iwf-child-abuse");
        assertThat(alert.listSource()).isEqualTo("iwf");
        assertThat(alert.listEntry()).isEqualTo("abuse.invalid/");
        assertThat(alert.policyVersion()).isEqualTo(3);
        assertThat(alert.firstSeenAt()).isEqualTo(now);
        assertThat(alert.occurrences()).isEqualTo(1);
        assertThat(alert.status()).isEqualTo(AlertStatus.NEW);
    }

    @Test
    void raisingAnAlertIsAuditedWithoutACopyOfTheAddress() {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/secret-path", 42L, "Ada Lovelace", null,
                null, now));

        List<AuditEntry> entries = audit.entriesFor("alert", Long.toString(alert.id()));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("alert.raised");
        assertThat(entries.get(0).detailJson()).contains(AlertRegister.sha256("http://abuse.invalid/secret-path"))
                .doesNotContain("abuse.invalid", "Ada");
    }

    @Test
    void fiftyRepeatsOfOneAddressByOnePersonWithinTheWindowAreOneAlertCountedFiftyTimes() {
        for (int i = 0; i < 50; i++) {
            alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null,
                    now.plusSeconds(i)));
        }

        AlertRegister.Page page = alerts.list(new AlertRegister.Query(null, null, null, null, 0, 10), DSL, Channel.LIST);
        assertThat(page.alerts()).singleElement().satisfies(a -> {
            assertThat(a.occurrences()).isEqualTo(50);
            assertThat(a.firstSeenAt()).isEqualTo(now);
            assertThat(a.lastSeenAt()).isEqualTo(now.plusSeconds(49));
        });
    }

    @Test
    void anotherPersonOrAnotherAddressIsAnotherAlert() {
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null, now));
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 43L, "Bea Brown", null, null, now));
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/other", 42L, "Ada Lovelace", null, null, now));

        assertThat(alerts.countNew()).isEqualTo(3);
    }

    @Test
    void aRepeatAfterTheFoldWindowIsANewAlert() {
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null, now));
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null,
                now.plus(Duration.ofMinutes(11))));

        assertThat(alerts.countNew()).isEqualTo(2);
    }

    @Test
    void aRepeatAfterTheAlertWasTakenIntoReviewIsANewAlert() {
        Alert first = alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null, now));
        triage.change(first.id(), new AlertTriage.Change(AlertStatus.IN_REVIEW, null, null, null), DSL);

        Alert again = alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null,
                now.plusSeconds(30)));

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.occurrences()).isEqualTo(1);
    }

    @Test
    void anIllegalCategoryIsAnUnacceptableAndIllegalActivityAlert() {
        Alert alert = alerts.record(AlertFixtures.illegalCategory("http://hate.invalid/", null, "unknown user", now));

        assertThat(alert.kind()).isEqualTo(AlertKind.ILLEGAL_ACTIVITY);
        assertThat(alert.categoryId()).isEqualTo("extremism");
        assertThat(alert.personId()).isNull();
        assertThat(alert.clientIp()).isEqualTo("10.0.0.5");
    }

    @Test
    void everyLookIsLoggedWithWhoAndHow() {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null, now));

        alerts.read(alert.id(), DSL, Channel.PAGE);
        alerts.list(new AlertRegister.Query(null, null, null, null, 0, 10), new Viewer(2, "register.head", true), Channel.LIST);

        assertThat(jdbc.sql("SELECT username || ':' || channel FROM record_access WHERE record_type = 'alert' "
                        + "AND record_id = :id ORDER BY id").param("id", alert.id()).query(String.class).list())
                .containsExactly("register.dsl:PAGE", "register.head:LIST");
    }

    @Test
    void theListIsNewestFirstAndFiltersByStatusAndKind() {
        Alert older = alerts.record(AlertFixtures.illegal("http://abuse.invalid/1", 42L, "Ada Lovelace", null, null,
                now.minusSeconds(60)));
        Alert newer = alerts.record(AlertFixtures.illegalCategory("http://hate.invalid/", 43L, "Bea Brown", now));
        triage.change(older.id(), new AlertTriage.Change(AlertStatus.IN_REVIEW, null, null, null), DSL);

        assertThat(alerts.list(new AlertRegister.Query(null, null, null, null, 0, 10), DSL, Channel.API).alerts())
                .extracting(Alert::id).containsExactly(newer.id(), older.id());
        assertThat(alerts.list(new AlertRegister.Query(AlertStatus.NEW, null, null, null, 0, 10), DSL, Channel.API)
                .alerts()).extracting(Alert::id).containsExactly(newer.id());
        assertThat(alerts.list(new AlertRegister.Query(null, AlertKind.ILLEGAL_CONTENT, null, null, 0, 10), DSL,
                Channel.API).alerts()).extracting(Alert::id).containsExactly(older.id());
    }

    @Test
    void aPageSaysWhetherThereAreOlderAlerts() {
        for (int i = 0; i < 3; i++) {
            alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + i, 42L, "Ada Lovelace", null, null, now.plusSeconds(i)));
        }

        AlertRegister.Page first = alerts.list(new AlertRegister.Query(null, null, null, null, 0, 2), DSL, Channel.API);
        AlertRegister.Page second = alerts.list(new AlertRegister.Query(null, null, null, null, 1, 2), DSL, Channel.API);

        assertThat(first.alerts()).hasSize(2);
        assertThat(first.more()).isTrue();
        assertThat(second.alerts()).hasSize(1);
        assertThat(second.more()).isFalse();
    }

    @Test
    void withEmailOffNoEmailIsOwed() {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null, now));

        assertThat(alert.email()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_email").query(Long.class).single()).isZero();
    }
}
