package org.lantern.server.incidents;

import java.util.Locale;
import java.util.Optional;

/** Small helpers the case classes share. */
final class Cases {

    private Cases() {
    }

    /** The constant named by {@code text} in any case, or empty for a blank or unknown name. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
