package org.lantern.server.registers.devices;

import java.util.List;

import org.lantern.server.registers.RegisterException;

/**
 * A change to the devices register refused, with every reason in words the user can act on; nothing was changed.
 * A {@link RegisterException}, so the registers' API answers it as every register does.
 */
public class DeviceException extends RegisterException {

    private static final long serialVersionUID = 1L;

    DeviceException(List<String> problems, boolean conflict) {
        super(problems, conflict);
    }

    public static DeviceException of(List<String> problems) {
        return new DeviceException(problems, false);
    }

    /** Refused because of what is already recorded (a duplicate serial, a loan returned twice), not what was sent. */
    public static DeviceException conflict(String problem) {
        return new DeviceException(List.of(problem), true);
    }
}
