package org.lantern.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a user group holds pupils, staff or visitors; tables are split along these lines. */
public enum GroupKind {
    PUPIL, STAFF, VISITOR;

    /** The identifier used in the YAML and JSON forms. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
