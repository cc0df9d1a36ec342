package org.lantern.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * One column of the User Actions table a school publishes. A row ticks one or more of these;
 * {@link Acceptability} defines what a set of ticks means, so that the same table drives the
 * filter, the monitoring alerts and the published policy.
 */
public enum Level {
    ACCEPTABLE("acceptable", "Acceptable"),
    ACCEPTABLE_AT_CERTAIN_TIMES("acceptable-at-certain-times", "Acceptable at certain times"),
    ACCEPTABLE_FOR_NOMINATED_USERS("acceptable-for-nominated-users", "Acceptable for nominated users"),
    UNACCEPTABLE("unacceptable", "Unacceptable"),
    UNACCEPTABLE_AND_ILLEGAL("unacceptable-and-illegal", "Unacceptable and illegal");

    private final String id;
    private final String heading;

    Level(String id, String heading) {
        this.id = id;
        this.heading = heading;
    }

    /** The identifier used in the YAML and JSON forms, e.g. {@code acceptable-at-certain-times}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The column heading as schools print it, e.g. "Acceptable at certain times". */
    public String heading() {
        return heading;
    }

    /** The level with this identifier. */
    @JsonCreator
    public static Level fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown level: " + id));
    }
}
