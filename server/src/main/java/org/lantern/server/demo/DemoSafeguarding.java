package org.lantern.server.demo;

import java.util.Optional;

import org.lantern.server.alerts.AlertOutcome;
import org.lantern.server.alerts.AlertStatus;
import org.lantern.server.alerts.AlertTriage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The DSL's work on the safeguarding alerts the monitor raised from the demo's searches
 * ({@link DemoActivity#CONCERNS}): one taken into review, one closed as a false positive (a
 * history project), the rest new, so the queue, the per-pupil view and the reports show each
 * state. Through {@link AlertTriage}, so every step is audited as a real one would be.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoSafeguarding {

    private final JdbcClient jdbc;
    private final AlertTriage triage;

    DemoSafeguarding(JdbcClient jdbc, AlertTriage triage) {
        this.jdbc = jdbc;
        this.triage = triage;
    }

    void triage(DemoCast cast) {
        newAlert("eating-disorder").ifPresent(id -> triage.change(id, new AlertTriage.Change(AlertStatus.IN_REVIEW, null,
                null, "Spoken to the form tutor; meeting the pupil with the school nurse tomorrow."), cast.dsl()));
        newAlert("weapons").ifPresent(id -> triage.change(id, new AlertTriage.Change(AlertStatus.CLOSED,
                AlertOutcome.FALSE_POSITIVE, null, "Year 9 history homework on the Blitz; checked with the history teacher."),
                cast.dsl()));
    }

    private Optional<Long> newAlert(String category) {
        return jdbc.sql("SELECT id FROM filter_alert WHERE kind = 'SAFEGUARDING_RISK' AND category_id = :c "
                + "AND status = 'NEW' ORDER BY id").param("c", category).query(Long.class).list().stream().findFirst();
    }
}
