package org.lantern.server.registers;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit chain's detail documents for the registers' changes: one small JSON object of strings and numbers. */
public final class RegisterJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegisterJson() {
    }

    /** {@code detail} as a JSON object, in its iteration order. */
    public static String of(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }
}
