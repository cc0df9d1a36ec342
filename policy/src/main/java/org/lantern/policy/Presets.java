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

    private static final Safeguarding STANDARD_SAFEGUARDING = PolicyParser.parse(yaml(NAMES.getFirst())).safeguarding();

    private Presets() {
    }

    /** The preset names, e.g. {@code astley-park}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The YAML text of a preset, with the standard safeguarding list ({@code safeguarding.yaml})
     * after it: every preset carries the same list, kept once.
     *
     * @throws IllegalArgumentException if there is no preset of that name
     */
    public static String yaml(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no policy preset named \"" + name + "\"; presets are " + NAMES);
        }
        return resource("presets/" + name + ".yaml") + "\n" + resource("safeguarding.yaml");
    }

    /**
     * A cloud service a preset's policy approves.
     *
     * @param name the service's name, e.g. "Microsoft Office 365"
     * @param note what the policy says of it, e.g. "NOT a normal Gmail account"; blank when nothing
     */
    public record CloudService(String name, String note) {
    }

    /**
     * The approved cloud services the preset's policy lists (seed 003 section 1.5.1 for
     * {@code prince-henrys}), each a name and what the policy says of it (blank when nothing), in
     * the policy's order; empty for a preset whose policy lists none.
     *
     * @throws IllegalArgumentException if there is no preset of that name
     */
    public static List<CloudService> cloudServices(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no policy preset named \"" + name + "\"; presets are " + NAMES);
        }
        if (Presets.class.getResource("/org/lantern/policy/presets/" + name + ".cloud-services.txt") == null) {
            return List.of();
        }
        return resource("presets/" + name + ".cloud-services.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> {
                    int bar = line.indexOf(" | ");
                    return bar < 0 ? new CloudService(line, "")
                            : new CloudService(line.substring(0, bar).strip(), line.substring(bar + 3).strip());
                })
                .toList();
    }

    /** The standard safeguarding list every preset carries, for a policy written before it existed. */
    static Safeguarding standardSafeguarding() {
        return STANDARD_SAFEGUARDING;
    }

    private static String resource(String path) {
        try (InputStream in = Presets.class.getResourceAsStream("/org/lantern/policy/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
