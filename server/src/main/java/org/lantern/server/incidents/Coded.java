package org.lantern.server.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An enum written in the API and forms by a lower-case code, e.g. {@code at-risk}, and read back from it. */
interface Coded {

    /** As the API and forms write it. */
    String code();

    /** The constant whose code this text is (or whose name, with {@code _} for {@code -}), in any case. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(t)).findFirst();
    }
}
