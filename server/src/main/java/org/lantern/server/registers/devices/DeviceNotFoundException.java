package org.lantern.server.registers.devices;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A device, loan or person the request named is not in the register (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DeviceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeviceNotFoundException(String message) {
        super(message);
    }
}
