package org.lantern.server.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.lantern.server.alerts.Alert;
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

    /** How long after an alert the DSL got to it. */
    private static final int DECIDED_AFTER_MINUTES = 50;

    private final JdbcClient jdbc;
    private final AlertTriage triage;
    private final Backdating backdating;

    DemoSafeguarding(JdbcClient jdbc, AlertTriage triage, Backdating backdating) {
        this.jdbc = jdbc;
        this.triage = triage;
        this.backdating = backdating;
    }

    /** The DSL's decisions, each dated a while after its alert, as the story's other triage is. */
    void triage(DemoCast cast, DemoCalendar calendar) {
        newAlert("eating-disorder").ifPresent(id -> {
            Alert alert = triage.change(id, new AlertTriage.Change(AlertStatus.IN_REVIEW, null, null,
                    "Spoken to the form tutor; meeting the pupil with the school nurse tomorrow."), cast.dsl());
            backdating.alertNoted(id, afterwards(alert, calendar));
        });
        newAlert("weapons").ifPresent(id -> {
            Alert alert = triage.change(id, new AlertTriage.Change(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null,
                    "Year 9 history homework on the Blitz; checked with the history teacher."), cast.dsl());
            backdating.alertNoted(id, afterwards(alert, calendar));
            backdating.alertClosed(id, afterwards(alert, calendar));
        });
    }

    private static OffsetDateTime afterwards(Alert alert, DemoCalendar calendar) {
        return calendar.notAfterNow(alert.firstSeenAt().atOffset(ZoneOffset.UTC).plusMinutes(DECIDED_AFTER_MINUTES));
    }

    private Optional<Long> newAlert(String category) {
        return jdbc.sql("SELECT id FROM filter_alert WHERE kind = 'SAFEGUARDING_RISK' AND category_id = :c "
                + "AND status = 'NEW' ORDER BY id").param("c", category).query(Long.class).list().stream().findFirst();
    }
}
