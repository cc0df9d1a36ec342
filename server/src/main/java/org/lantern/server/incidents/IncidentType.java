package org.lantern.server.incidents;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a record is: a concern about a child at risk, whose category is from the policy's
 * safeguarding list and whose actions are support and referrals; or misuse, an infringement of the
 * policy, whose category is a row of the Actions / Sanctions tables applied to the misusers.
 */
public enum IncidentType implements Coded {
    CONCERN("concern", "Concern about a child"),
    MISUSE("misuse", "Misuse (an infringement of the policy)");

    private final String code;
    private final String label;

    IncidentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Reads {@code concern} or {@code misuse}, in any case. */
    public static Optional<IncidentType> parse(String text) {
        return Coded.parse(IncidentType.class, text);
    }
}
