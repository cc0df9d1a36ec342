package org.lantern.server.registers.devices;

import java.util.List;

import org.lantern.server.identity.Permission;
import org.lantern.server.registers.hub.RegisterCards;
import org.springframework.stereotype.Component;

/** The devices and the loans registers on the Registers page, with how many are out and overdue. */
@Component
class DeviceCards implements RegisterCards {

    private final Devices devices;
    private final Loans loans;

    DeviceCards(Devices devices, Loans loans) {
        this.devices = devices;
        this.loans = loans;
    }

    @Override
    public List<Card> cards() {
        return List.of(new Card(30, Permission.DEVICES_READ, "Devices", "/registers/devices",
                        "The school's devices, personal devices and the leavers' checklist.",
                        (today, viewer) -> List.of(RegisterCards.count(devices.list(null).size(), "device", "devices"))),
                new Card(35, Permission.DEVICES_READ, "Loans", "/registers/loans",
                        "Devices on loan, their return clocks and those overdue.",
                        (today, viewer) -> List.of(RegisterCards.count(loans.open().size(), "on loan", "on loan"),
                                RegisterCards.count(loans.overdue().size(), "loan overdue", "loans overdue"))));
    }
}
