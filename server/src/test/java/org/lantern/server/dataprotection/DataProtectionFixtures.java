package org.lantern.server.dataprotection;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Clean tables for the data-protection tests, which share one database with other classes. */
final class DataProtectionFixtures {

    private DataProtectionFixtures() {
    }

    /** Empties the data-protection tables, children first: a lost device's loan names its breach. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM device_loan_email WHERE loan_id IN (SELECT id FROM device_loan WHERE breach_id IS NOT NULL)")
                .update();
        jdbc.sql("DELETE FROM device_loan WHERE breach_id IS NOT NULL").update();
        jdbc.sql("DELETE FROM subject_access_cp_inclusion").update();
        jdbc.sql("DELETE FROM subject_access_export").update();
        jdbc.sql("DELETE FROM subject_access_request").update();
        jdbc.sql("DELETE FROM data_breach").update();
    }
}
