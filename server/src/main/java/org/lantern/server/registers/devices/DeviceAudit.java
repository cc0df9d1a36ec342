package org.lantern.server.registers.devices;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.server.audit.AuditChain;
import org.springframework.stereotype.Component;

/**
 * Appends the register's changes to the audit chain: record type {@code device},
 * {@code device-loan} or {@code personal-device}, with a small JSON detail of ids, dates and
 * states (never a borrower's name).
 */
@Component
class DeviceAudit {

    static final String DEVICE = "device";
    static final String LOAN = "device-loan";
    static final String PERSONAL = "personal-device";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditChain audit;

    DeviceAudit(AuditChain audit) {
        this.audit = audit;
    }

    void append(String actor, String action, String recordType, long id, Map<String, ?> detail) {
        try {
            audit.append(actor, action, recordType, Long.toString(id), JSON.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings, numbers and booleans is always JSON", e);
        }
    }
}
