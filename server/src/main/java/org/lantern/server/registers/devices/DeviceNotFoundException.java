package org.lantern.server.registers.devices;

import org.lantern.server.registers.RegisterNotFoundException;

/** A device, loan or person the request named is not in the register (404). */
public class DeviceNotFoundException extends RegisterNotFoundException {

    private static final long serialVersionUID = 1L;

    DeviceNotFoundException(String message) {
        super(message);
    }
}
