package org.lantern.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the retention reviews and legal holds, which tests of retention set up for themselves:
 * a hold or a review left by another class would keep records that a test expects to go, or
 * show on a page it reads. The database is shared with other test classes.
 */
public final class RetentionTables {

    private RetentionTables() {
    }

    public static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM retention_review").update();
        jdbc.sql("DELETE FROM legal_hold").update();
    }
}
