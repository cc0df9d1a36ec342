package org.lantern.server.registers.agreements;

import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.registers.FormScans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scans of signed paper agreement forms (a parent's or a pupil's), in table {@code agreement_scan},
 * checked and kept as consent forms' scans are; each look is logged as record type {@value #RECORD_TYPE}.
 */
@Component
class AgreementScans extends FormScans {

    static final String RECORD_TYPE = "agreement-scan";

    AgreementScans(JdbcClient jdbc, RecordAccessLog accessLog) {
        super(jdbc, accessLog, "agreement_scan", RECORD_TYPE);
    }
}
