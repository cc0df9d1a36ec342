package org.lantern.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the school's term dates and its choices of days and hours, so the installation's
 * starting value is in force again. A test that enters terms or chooses hours clears them when it
 * ends, and the delivery tests clear them before they start: with any term kept, every day outside
 * it is a holiday, and chosen hours override the ones a test sets, either of which would change
 * when other tests' alerts are out of hours and their digests due.
 */
public final class TermTables {

    private TermTables() {
    }

    public static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM school_closure").update();
        jdbc.sql("DELETE FROM school_term").update();
        jdbc.sql("DELETE FROM school_hours_setting").update();
    }
}
