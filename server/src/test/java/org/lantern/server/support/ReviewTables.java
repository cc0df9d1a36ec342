package org.lantern.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the annual filtering and monitoring reviews, which tests of the review register start for
 * themselves: a review left open by another class (or the demo) would refuse the next start, and
 * one left signed would change the review's number. The database is shared with other test classes.
 */
public final class ReviewTables {

    private ReviewTables() {
    }

    public static void clear(JdbcClient jdbc) {
        // A review names the one it started from, so the links go before the rows.
        jdbc.sql("UPDATE filtering_review SET based_on = NULL").update();
        jdbc.sql("DELETE FROM filtering_review").update();
    }
}
