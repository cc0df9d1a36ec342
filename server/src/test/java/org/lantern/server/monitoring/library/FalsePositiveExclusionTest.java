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
import org.lantern.monitor.model.RiskModel;
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
    LibraryChanges changes;
    @Autowired
    LibraryCatalogue catalogue;
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
    void aReadingOfTheRiskModelIsExcludedInItsWordsAsItsCategoryUntilTheExclusionIsWithdrawn() {
        String unsaid = "i cant do this anymore, everyone would be better off if i just disappeared for good";
        assertThat(readByModel(unsaid)).isTrue();
        Alert alert = safeguarding.record(new SafeguardingRisk(Instant.now(), null, "unknown user", "sam.p", "10.0.0.5",
                "https://chat.example/send", SafeguardingRisk.Seen.TYPED, "ks3", 4, "suicide", false,
                "cant do + better off", "cant do + better of", "cant do this anymore, everyone would be better off",
                unsaid, "model:0.93", RiskModel.NAME, RiskModel.VERSION, false, 1, Duration.ofHours(24)));
        assertThat(safeguarding.exclusionContext(alert)).contains(unsaid);

        triage.change(alert.id(), falsePositive(new AlertTriage.Exclusion("better off if i just disappeared",
                "A line of the Year 9 play, rehearsed in chat")), dsl);

        assertThat(versions.history(Category.SUICIDE)).singleElement().satisfies(v -> assertThat(v.summary())
                .isEqualTo("Exclusion: the risk model does not read 'better off if i just disappeared' as suicide"));
        assertThat(catalogue.exclusions(Category.SUICIDE)).as("listed on the library page, to be withdrawn there")
                .singleElement().extracting(LibraryVersions.Exclusion::phrase).isEqualTo(RiskModel.NAME);
        assertThat(readByModel(unsaid)).isFalse();
        assertThat(engine.matcher().classify("i want to kill myself, everyone would be better off if i just disappeared",
                AgeBand.KS3).level()).as("the phrases still read it").isEqualTo(5);

        changes.unexclude(Category.SUICIDE, versions.latest(Category.SUICIDE), "The play is over", "exclusion.dsl");

        assertThat(readByModel(unsaid)).isTrue();
    }

    private boolean readByModel(String text) {
        return engine.matcher().classify(text, AgeBand.KS3).matches().stream().anyMatch(m -> m.library().equals(RiskModel.NAME));
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
