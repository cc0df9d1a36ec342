package org.lantern.server.registers.devices;

import java.util.List;

/** A change to the devices register refused, with every reason in words the user can act on; nothing was changed. */
public class DeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final boolean conflict;

    DeviceException(List<String> problems, boolean conflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static DeviceException of(List<String> problems) {
        return new DeviceException(problems, false);
    }

    /** Refused because of what is already recorded (a duplicate serial, a loan returned twice), not what was sent. */
    static DeviceException conflict(String problem) {
        return new DeviceException(List.of(problem), true);
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether the request clashed with what is recorded (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }
}
