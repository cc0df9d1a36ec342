package org.lantern.server.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.registers.devices.Device;
import org.lantern.server.registers.devices.DeviceFields;
import org.lantern.server.registers.devices.Devices;
import org.lantern.server.registers.devices.Loan;
import org.lantern.server.registers.devices.Loans;
import org.lantern.server.registers.devices.NewLoan;
import org.lantern.server.registers.devices.PersonalDevices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo school's devices and loans, made through the register's own services: a library
 * trolley of Chromebooks, staff laptops, iPads and a camera, one retired laptop; a term of loans
 * with one returned, one overdue, one asked back yesterday (its 72-hour clock running) and some
 * out; and two staff phones registered as personal devices. Its own fixed-seed random numbers,
 * so the rest of the story draws as before.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@Order(3)
class DemoDevices implements DemoRegister {

    private static final long SEED = 20_261_207L;
    private static final String ACTOR = "demo";

    private final Devices devices;
    private final Loans loans;
    private final PersonalDevices personal;
    private final People people;
    private final Backdating backdating;

    DemoDevices(Devices devices, Loans loans, PersonalDevices personal, People people, Backdating backdating) {
        this.devices = devices;
        this.loans = loans;
        this.personal = personal;
        this.people = people;
        this.backdating = backdating;
    }

    @Override
    public void seed(DemoCalendar calendar) {
        Random random = new Random(SEED);
        LocalDate today = calendar.today();
        List<Person> pupils = onRoll(PersonKind.PUPIL, today);
        List<Person> staff = onRoll(PersonKind.STAFF, today);
        for (int i = 1; i <= 16; i++) {
            device("chromebook", "Acer", "Chromebook Spin 311", "NXHUVEK" + (40_000 + random.nextInt(60_000)),
                    "CB-%03d".formatted(i), "Library trolley", null);
        }
        Device[] laptops = new Device[4];
        for (int i = 0; i < laptops.length; i++) {
            laptops[i] = device("laptop", "Lenovo", "ThinkPad E14", "PF-" + Integer.toString(1_000_000
                    + random.nextInt(8_000_000), 36).toUpperCase(), "LT-%03d".formatted(i + 1), "IT office", null);
        }
        device("laptop", "Lenovo", "ThinkPad E470", "PF-0OLD1", "LT-000", "IT office store", "retired");
        Device ipad = device("tablet", "Apple", "iPad (9th generation)", "DMPXK2" + (1000 + random.nextInt(9000)),
                "IP-001", "SEN base", null);
        Device camera = device("camera", "Canon", "EOS 250D", "0731" + (10_000 + random.nextInt(90_000)), "CAM-01",
                "Art department", null);
        List<Device> trolley = devices.list(null).stream().filter(d -> d.assetTag() != null
                && d.assetTag().startsWith("CB-")).toList();

        lend(laptops[0], pick(staff, random), today.minusDays(40), today.plusDays(60), "Good; charger and case");
        lend(camera, pick(staff, random), today.minusDays(5), today.plusDays(2), "Good; two batteries, 32 GB card");
        Loan back = lend(trolley.get(0), pick(pupils, random), today.minusDays(25), today.minusDays(10), "Good");
        loans.giveBack(back.id(), today.minusDays(11), "Good; a sticker on the lid removed", ACTOR);
        lend(trolley.get(1), pick(pupils, random), today.minusDays(30), today.minusDays(3),
                "Small scratch on the lid");
        Loan asked = lend(ipad, pick(pupils, random), today.minusDays(10), today.plusDays(20),
                "Good; in a rugged case");
        loans.requestReturn(asked.id(), ACTOR);
        backdating.loanReturnRequested(asked.id(), calendar.notAfterNow(calendar.yesterday(14, 0)));

        personal.register(pick(staff, random).id(), "staff-owned", "iPhone 13, blue case", ACTOR);
        personal.register(pick(staff, random).id(), "staff-owned", "Samsung Galaxy A54", ACTOR);
    }

    private Device device(String type, String make, String model, String serial, String tag, String location,
                          String state) {
        return devices.create(new DeviceFields(type, make, model, serial, tag, location, state), ACTOR);
    }

    private Loan lend(Device device, Person borrower, LocalDate lentOn, LocalDate dueOn, String condition) {
        return loans.lend(new NewLoan(device.id(), borrower.id(), lentOn, dueOn, condition,
                borrower.displayName(), true), ACTOR);
    }

    private List<Person> onRoll(PersonKind kind, LocalDate today) {
        return people.list(kind).stream().filter(p -> !p.hasLeft(today)).toList();
    }

    private static Person pick(List<Person> people, Random random) {
        return people.get(random.nextInt(people.size()));
    }
}
