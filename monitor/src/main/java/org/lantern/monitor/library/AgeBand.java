package org.lantern.monitor.library;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who wrote the text, as far as risk goes: the same phrase can be more worrying from a primary
 * pupil than from a sixth-former, or not a concern at all from staff.
 */
public enum AgeBand {
    PRIMARY("primary"),
    KS3("ks3"),
    KS4("ks4"),
    POST16("post16"),
    STAFF("staff");

    private final String id;

    AgeBand(String id) {
        this.id = id;
    }

    /** @return the id used in library columns and on the command line */
    public String id() {
        return id;
    }

    /**
     * @param id an id such as {@code ks3}
     * @return the band, if the id names one
     */
    public static Optional<AgeBand> ofId(String id) {
        for (AgeBand band : values()) {
            if (band.id.equals(id)) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    /** @return every id, comma-separated, for an error message */
    public static String ids() {
        return Arrays.stream(values()).map(AgeBand::id).collect(Collectors.joining(", "));
    }
}
