package org.lantern.server.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.incidents.ChronologyEntry;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's filter alerts in their chronology. */
@PersistenceTest
class AlertChronologyTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertChronology chronology;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    @Test
    void anAlertAboutThePersonIsAnEntryLinkingToTheAlertWithoutItsAddress() {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/secret-path", 42L, "Ada Lovelace",
                "ada.l", "10.0.0.7", now));
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/other", 43L, "Grace Hopper", null, null, now));

        List<ChronologyEntry> entries = chronology.entries(42L, new Viewer(1, "chronology.dsl", true, true));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("Filter alert");
            assertThat(e.summary()).startsWith(AlertKind.ILLEGAL_CONTENT.label());
            assertThat(e.href()).isEqualTo("/alerts/" + alert.id());
            assertThat(e.recordType()).isEqualTo("alert");
            assertThat(e.childProtection()).isTrue();
            assertThat(e.summary() + e.detail()).doesNotContain("abuse.invalid", "secret-path");
        });
    }

    @Test
    void someoneWhoMayNotReadAlertsGetsNoAlertEntries() {
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/page", 42L, "Ada Lovelace", null, null, now));

        assertThat(chronology.entries(42L, new Viewer(2, "chronology.teacher", false))).isEmpty();
    }
}
