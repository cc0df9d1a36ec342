package org.lantern.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of a policy, as served by the REST API. Field order follows the model's
 * declaration order, so the same policy always gives the same text (diffable, cacheable).
 */
public final class PolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PolicyJson() {
    }

    /** The policy as JSON text. */
    public static String toJson(PolicyDocument policy) {
        try {
            return MAPPER.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy cannot be written as JSON", e);
        }
    }

    /** The policy as a JSON tree, for embedding in a larger response. */
    public static JsonNode toTree(PolicyDocument policy) {
        return MAPPER.valueToTree(policy);
    }
}
