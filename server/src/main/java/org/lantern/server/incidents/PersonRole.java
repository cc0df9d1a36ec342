package org.lantern.server.incidents;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a person on a record is to it. A record may hold several of each. Only a misuser is ever
 * given a sanction, counted for escalation or suspended from the internet: a child at risk is
 * supported, never treated as an offender.
 */
public enum PersonRole implements Coded {
    /** The child the concern is about. */
    AT_RISK("at-risk", "At risk"),
    /** The alleged perpetrator or misuser: the sanctions rows apply to them. */
    MISUSER("misuser", "Alleged perpetrator / misuser"),
    WITNESS("witness", "Witness"),
    REPORTER("reporter", "Reporter");

    private final String code;
    private final String label;

    PersonRole(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** As pages show it. */
    public String label() {
        return label;
    }

    /** Reads {@code at-risk}, {@code misuser}, {@code witness} or {@code reporter} (or the enum name), in any case. */
    public static Optional<PersonRole> parse(String text) {
        return Coded.parse(PersonRole.class, text);
    }
}
