package org.lantern.server.people;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the web filter recognises a person on the network; each value belongs to at most one person.
 * Values are stored in one canonical form (lower case, MACs with colons) so that lookups match
 * however a proxy log or MIS export spells them.
 */
public enum NetworkIdentityType {
    /** The username the person authenticates to the web proxy with. */
    PROXY_USERNAME("Proxy username", Pattern.compile("[A-Za-z0-9._@\\\\-]{1,64}"),
            "not a username (letters, digits, . _ - @ only)"),
    /** A device IP address allocated to the person. */
    DEVICE_IP("Device IP", Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}"),
            "not an IP address"),
    /** A device MAC address allocated to the person. */
    DEVICE_MAC("Device MAC", Pattern.compile("([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}"),
            "not a MAC address (like 00:1a:2b:3c:4d:5e)");

    private final String label;
    private final Pattern shape;
    private final String problem;

    NetworkIdentityType(String label, Pattern shape, String problem) {
        this.label = label;
        this.shape = shape;
        this.problem = problem;
    }

    /** The name shown on pages, e.g. "Proxy username". */
    public String label() {
        return label;
    }

    /** What is wrong with a value that {@link #normalise} refuses. */
    public String problem() {
        return problem;
    }

    /** The value in canonical form, or empty when it is not a value of this type. */
    public Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (!shape.matcher(v).matches()) {
            return Optional.empty();
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return Optional.of(this == DEVICE_MAC ? lower.replace('-', ':') : lower);
    }
}
