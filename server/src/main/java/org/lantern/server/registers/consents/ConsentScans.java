package org.lantern.server.registers.consents;

import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.registers.FormScans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Scans of signed consent forms, in table {@code consent_evidence}; each look is logged as record type {@value #RECORD_TYPE}. */
@Component
class ConsentScans extends FormScans {

    static final String RECORD_TYPE = "consent-scan";

    ConsentScans(JdbcClient jdbc, RecordAccessLog accessLog) {
        super(jdbc, accessLog, "consent_evidence", RECORD_TYPE);
    }
}
