package org.lantern.server.monitoring.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.AlertOutcome;
import org.lantern.server.alerts.AlertStatus;
import org.lantern.server.alerts.AlertTriage;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.LibraryTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing a safeguarding alert as a false positive with a school exclusion, on H2 and PostgreSQL:
 * the alert closed and the exclusion a new library version together, or neither; the same words
 * then no longer match.
 */
@PersistenceTest
class FalsePositiveExclusionTest {

    private static final String SEARCH = "online casino maths project";

    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    AlertTriage triage;
    @Autowired
    MonitorEngine engine;
    @Autowired
    LibraryVersions versions;
    @Autowired
    AuditChain audit;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private Viewer dsl;

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
        LibraryTables.clear(jdbc, engine);
        dsl = Viewer.of(TestUsers.signedIn(accountService, accounts, "exclusion.dsl", Role.DSL));
    }

    @AfterEach
    void shipped() {
        LibraryTables.clear(jdbc, engine);
    }

    private Alert raise() {
        return safeguarding.record(new SafeguardingRisk(Instant.now(), null, "unknown user", "sam.p", "10.0.0.5",
                "https://www.google.com/search?q=online+casino+maths+project", SafeguardingRisk.Seen.SEARCH, "ks4", 3,
                "gambling", false, "online casino", "online casino", "online casino", SEARCH, "alone",
                "lantern-gambling", CuratedLibraries.VERSION, false, 1, Duration.ofHours(24)));
    }

    private String status(Alert alert) {
        return jdbc.sql("SELECT status FROM filter_alert WHERE id = :id").param("id", alert.id()).query(String.class).single();
    }

    private AlertTriage.Change falsePositive(AlertTriage.Exclusion exclusion) {
        return new AlertTriage.Change(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null, "A maths project.", exclusion);
    }

    @Test
    void theAlertOffersItsWordsAndClosingWithTheExclusionStopsThemAlerting() {
        Alert alert = raise();
        assertThat(engine.matcher().classify(SEARCH, AgeBand.KS4).matches()).isNotEmpty();
        String offered = safeguarding.exclusionContext(alert).orElseThrow();

        Alert closed = triage.change(alert.id(), falsePositive(new AlertTriage.Exclusion(offered,
                "Year 10 probability project")), dsl);

        assertThat(offered).isEqualTo(SEARCH);
        assertThat(closed.outcome()).isEqualTo(AlertOutcome.FALSE_POSITIVE);
        assertThat(versions.history(Category.GAMBLING)).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo("exclusion");
            assertThat(v.changedBy()).isEqualTo("exclusion.dsl");
            assertThat(v.reason()).isEqualTo("Year 10 probability project");
        });
        assertThat(engine.matcher().classify(SEARCH, AgeBand.KS4).matches()).isEmpty();
        assertThat(engine.matcher().classify("online casino", AgeBand.KS4).matches()).isNotEmpty();
        List<AuditEntry> entries = audit.entriesFor("alert", Long.toString(alert.id()));
        assertThat(entries.stream().filter(e -> e.action().equals("alert.closed")).findFirst().orElseThrow().detailJson())
                .contains("\"exclusionLibraryVersion\":1");
    }

    @Test
    void anExclusionThatCannotBeMadeLeavesTheAlertOpenAndTheLibraryAsItWas() {
        Alert alert = raise();

        assertThatThrownBy(() -> triage.change(alert.id(), falsePositive(new AlertTriage.Exclusion("maths project",
                "Year 10 probability project")), dsl))
                .hasMessageStartingWith("Exclusion: Context: 'maths project' does not hold the phrase");

        assertThat(status(alert)).isEqualTo("NEW");
        assertThat(versions.latest(Category.GAMBLING)).isZero();
    }

    @Test
    void onlyAFalsePositiveTakesAnExclusion() {
        Alert alert = raise();

        assertThatThrownBy(() -> triage.change(alert.id(), new AlertTriage.Change(AlertStatus.CLOSED,
                AlertOutcome.NO_FURTHER_ACTION, null, "Spoke to Sam.", new AlertTriage.Exclusion(SEARCH, "r")), dsl))
                .hasMessageStartingWith("Exclusion: only a safeguarding alert closed as a false positive");

        assertThat(status(alert)).isEqualTo("NEW");
        assertThat(versions.latest(Category.GAMBLING)).isZero();
    }
}
