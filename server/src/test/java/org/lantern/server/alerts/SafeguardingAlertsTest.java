package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.monitor.model.RiskModel;
import org.lantern.server.alerts.SafeguardingRisk.Seen;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safeguarding monitor's alerts in the register: one per person, category and window, a
 * repeat counted on it and raising its level, every match kept with its explanation.
 */
@PersistenceTest
class SafeguardingAlertsTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Autowired
    SafeguardingAlerts alerts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void emptyRegister() {
        AlertTables.clear(jdbc);
    }

    private static SafeguardingRisk risk(long person, String category, int level, Instant at) {
        return new SafeguardingRisk(at, person, "Jo Bloggs", "jo.b", "10.0.0.9",
                "https://www.google.com/search?q=how+to+k1ll+myself", Seen.SEARCH, "ks3", level, category,
                category.equals("illegal"), "kill myself", "kill myself", "k1ll myself", "how to k1ll myself", "alone", "lantern-starter",
                "2026.12.1", false, 4, DAY);
    }

    private List<String> matches(long alertId) {
        return jdbc.sql("SELECT seen_in || ' ' || age_band || ' ' || level || ' ' || category_id || ' ' || phrase || ' / '"
                        + " || normalised || ' / ' || matched_text || ' / ' || rule || ' / ' || library || ' '"
                        + " || library_version FROM safeguarding_match WHERE alert_id = :id ORDER BY id")
                .param("id", alertId).query(String.class).list();
    }

    @Test
    void aNewRiskIsAnAlertWithItsLevelCategoryAndExplanation() {
        Alert alert = alerts.record(risk(101, "suicide", 5, now));

        assertThat(alert.kind()).isEqualTo(AlertKind.SAFEGUARDING_RISK);
        assertThat(alert.kind().illegal()).isFalse();
        assertThat(alert.personId()).isEqualTo(101);
        assertThat(alert.categoryId()).isEqualTo("suicide");
        assertThat(alert.categoryName()).isEqualTo("Suicide");
        assertThat(alert.occurrences()).isEqualTo(1);
        assertThat(alert.listCategory()).isEqualTo("lantern-starter");
        assertThat(alert.listSource()).isEqualTo("version 2026.12.1");
        assertThat(alert.listEntry()).isEqualTo("kill myself");
        assertThat(alert.reason()).isEqualTo("A search matched the phrase 'kill myself' (read as 'kill myself', from "
                + "'k1ll myself'; rule: alone) of library lantern-starter version 2026.12.1: level 5 of 5 for age band ks3.");
        assertThat(level(alert.id())).isEqualTo(5);
        assertThat(matches(alert.id())).containsExactly(
                "search ks3 5 suicide kill myself / kill myself / k1ll myself / alone / lantern-starter 2026.12.1");
    }

    @Test
    void aReadingOfTheRiskModelSaysSoAndOffersItsWordsForAnExclusionOfTheModel() {
        SafeguardingRisk reading = new SafeguardingRisk(now, 107L, "Jo Bloggs", "jo.b", "10.0.0.9",
                "https://www.google.com/search?q=nobody+would+notice", Seen.SEARCH, "ks3", 4, "suicide", false,
                "nobody + notice", "nobody + notic", "nobody would notice", "nobody would notice if i was gone",
                "model:0.91", RiskModel.NAME, RiskModel.VERSION, false, 4, DAY);

        Alert alert = alerts.record(reading);

        assertThat(alert.reason()).isEqualTo("A search was read by Lantern's risk model " + RiskModel.VERSION
                + " as suicide to act on now (estimate 0.91), weighing most 'nobody + notice' (read as 'nobody + notic', "
                + "from 'nobody would notice'), beyond what the library's phrases found; level 4 of 5 for age band ks3.");
        assertThat(alerts.exclusionContext(alert)).contains("nobody would notice if i was gone");
    }

    @Test
    void aRepeatInTheWindowIsCountedOnTheOpenAlertAndRaisesItsLevel() {
        Alert first = alerts.record(risk(102, "suicide", 3, now));

        Alert again = alerts.record(risk(102, "suicide", 5, now.plus(Duration.ofHours(2))));
        Alert lower = alerts.record(risk(102, "suicide", 4, now.plus(Duration.ofHours(3))));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(lower.id()).isEqualTo(first.id());
        assertThat(lower.occurrences()).isEqualTo(3);
        assertThat(lower.lastSeenAt()).isEqualTo(now.plus(Duration.ofHours(3)));
        assertThat(level(first.id())).isEqualTo(5);
        assertThat(lower.reason()).contains("level 5 of 5");
        assertThat(matches(first.id())).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM filter_alert").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherCategoryAnotherPersonOrAfterTheWindowIsAnotherAlert() {
        Alert first = alerts.record(risk(103, "suicide", 5, now));

        Alert otherCategory = alerts.record(risk(103, "self-harm", 4, now.plusSeconds(60)));
        Alert otherPerson = alerts.record(risk(104, "suicide", 5, now.plusSeconds(60)));
        Alert nextDay = alerts.record(risk(103, "suicide", 5, now.plus(DAY).plus(Duration.ofHours(1))));

        assertThat(List.of(otherCategory.id(), otherPerson.id(), nextDay.id())).doesNotContain(first.id())
                .doesNotHaveDuplicates();
        assertThat(otherCategory.categoryName()).isEqualTo("Self harm");
    }

    @Test
    void anAlertSomeoneHasTakenOnIsNotFoldedIntoSoARepeatIsNewAgain() {
        Alert first = alerts.record(risk(105, "suicide", 5, now));
        jdbc.sql("UPDATE filter_alert SET status = 'IN_REVIEW' WHERE id = :id").param("id", first.id()).update();

        Alert again = alerts.record(risk(105, "suicide", 5, now.plusSeconds(60)));

        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @Test
    void theIllegalCategoryIsAnIllegalKindOfAlert() {
        Alert alert = alerts.record(risk(106, "illegal", 5, now));

        assertThat(alert.kind()).isEqualTo(AlertKind.SAFEGUARDING_ILLEGAL);
        assertThat(alert.kind().illegal()).isTrue();
    }

    @Test
    void raisingAndFoldingAreInTheAuditChainWithoutTheWords() {
        Alert alert = alerts.record(risk(107, "suicide", 4, now));
        alerts.record(risk(107, "suicide", 5, now.plusSeconds(30)));

        List<String> details = jdbc.sql("SELECT action || ' ' || detail FROM audit_chain WHERE record_type = 'alert' "
                        + "AND record_id = :id ORDER BY sequence_number")
                .param("id", Long.toString(alert.id())).query(String.class).list();
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).startsWith("alert.raised").contains("\"level\":4", "\"categoryId\":\"suicide\"");
        assertThat(details.get(1)).startsWith("alert.repeated").contains("\"occurrences\":2", "\"level\":5");
        assertThat(String.join(" ", details)).doesNotContain("myself", "k1ll");
    }

    private int level(long id) {
        return jdbc.sql("SELECT level FROM filter_alert WHERE id = :id").param("id", id).query(Integer.class).single();
    }
}
