package org.lantern.server.dataprotection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Audit chain details for data-protection records. Free text is audited by its SHA-256 only, as
 * for incidents: the chain proves what was written without keeping a second copy of personal data.
 */
final class AuditDetail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditDetail() {
    }

    static String json(Map<String, ?> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    static String sha256(String text) {
        if (text == null) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
