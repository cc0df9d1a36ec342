package org.lantern.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ready-made policies taken from real school policies, so that a school starts from a published,
 * reviewed document rather than a blank page. Each keeps the name of the school it was taken
 * from, as its attribution; a school puts one in force under a name of its own
 * ({@link PolicyParser#withSchoolName}).
 */
public final class Presets {

    private static final List<String> NAMES = List.of("astley-park", "prince-henrys", "rothwell-primary");

    private Presets() {
    }

    /** The preset names, e.g. {@code astley-park}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The YAML text of a preset.
     *
     * @throws IllegalArgumentException if there is no preset of that name
     */
    public static String yaml(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no policy preset named \"" + name + "\"; presets are " + NAMES);
        }
        try (InputStream in = Presets.class.getResourceAsStream("/org/lantern/policy/presets/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
