package org.lantern.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the filter-alert and bypass-attempt registers, with the emails and other deliveries
 * about alerts (digests, the on-call list and its chains), their
 * notes, the safeguarding monitor's matches and the logged looks at both. The two registers are cleared together because a run of bypass attempts
 * raises an alert, so a test of either can leave rows the other counts; the database is shared
 * with other test classes.
 */
public final class AlertTables {

    private AlertTables() {
    }

    public static void clear(JdbcClient jdbc) {
        // alert_email, alert_note, safeguarding_match and the deliveries refer to filter_alert, so they go first.
        for (String sql : new String[] {"DELETE FROM alert_email", "DELETE FROM alert_delivery",
                "DELETE FROM alert_escalation", "DELETE FROM alert_digest", "DELETE FROM on_call_person", "DELETE FROM alert_note", "DELETE FROM safeguarding_match", "DELETE FROM filter_alert", "DELETE FROM bypass_attempt",
                "DELETE FROM record_access WHERE record_type IN ('alert', 'bypass-report')"}) {
            jdbc.sql(sql).update();
        }
        // Term dates decide when alerts go down the on-call list and when digests are due.
        TermTables.clear(jdbc);
    }
}
