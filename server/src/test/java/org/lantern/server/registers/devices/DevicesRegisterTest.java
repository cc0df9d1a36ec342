package org.lantern.server.registers.devices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The devices and loans register on the database (H2 and PostgreSQL), on a fixed clock: entering
 * devices with duplicate serial numbers refused however they are typed, a CSV import that enters
 * all or nothing with line-numbered problems, lending and returning with dates in the wrong order
 * and a second return refused, the return request's 72 hours, overdue loans, and personal devices
 * against the Mobile Technologies table.
 */
@PersistenceTest
class DevicesRegisterTest {

    /** Monday 7 December 2026, 09:15 UK time (GMT). */
    private static final Instant NOW = Instant.parse("2026-12-07T09:15:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Autowired
    Devices devices;
    @Autowired
    DeviceImport importer;
    @Autowired
    PersonalDevices personal;
    @Autowired
    People people;
    @Autowired
    DeviceAudit audit;
    @Autowired
    JdbcClient jdbc;

    private Loans loans;
    private long pupil;

    @BeforeEach
    void fixedClock() {
        loans = new Loans(jdbc, devices, people, audit, Clock.fixed(NOW, ZoneOffset.UTC));
        pupil = TestPeople.pupil(jdbc, "Lena", TestPeople.unique("Loans"));
    }

    @Test
    void aSerialNumberAlreadyInTheRegisterIsRefusedHoweverItIsTyped() {
        String serial = TestPeople.unique("PF-");
        Device first = devices.create(fields(serial, null), "office");
        long before = count("device");

        assertThatThrownBy(() -> devices.create(fields(" " + serial.toLowerCase().replace("-", " ") + " ", null), "office"))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.getMessage()).contains("is already in the register").contains("device " + first.id());
                });
        assertThat(count("device")).isEqualTo(before);
    }

    @Test
    void aDeviceCannotBeEnteredOnLoanByHandAndEveryProblemIsNamed() {
        assertThatThrownBy(() -> devices.create(new DeviceFields("toaster", "", null, "", null, null, "on loan"), "office"))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.problems()).containsExactly(
                        "'toaster' is not a type of device: use one of laptop, tablet, chromebook, desktop, phone, camera, other.",
                        "A device becomes 'On loan' through the loans register, not by choosing it: use one of available, repair, retired.",
                        "The make is required.",
                        "The serial number is required."));
    }

    @Test
    void aCsvImportWithABadRowNamesEveryLineAndEntersNothing() {
        String taken = TestPeople.unique("TAKEN");
        devices.create(fields(taken, null), "office");
        String a = TestPeople.unique("A"), b = TestPeople.unique("B");
        long before = count("device");

        DeviceImport.Result result = importer.importCsv("""
                type,make,model,serial,asset tag,location,state
                laptop,Lenovo,100e,%s,,IT office,
                tablet,Apple,iPad,%s,,,
                toaster,Acme,,%s,,,
                laptop,Dell,,%s,,,
                phone,,,%s,,,lost
                """.formatted(a, b, TestPeople.unique("C"), taken, a), "office");

        assertThat(result.entered()).isZero();
        assertThat(result.problems()).containsExactly(
                "Line 4: 'toaster' is not a type of device: use one of laptop, tablet, chromebook, desktop, phone, camera, other.",
                "Line 6: A device becomes 'Lost' through the loans register, not by choosing it: use one of available, repair, retired.",
                "Line 6: The make is required.",
                "Line 6: serial number " + a + " is also on line 2.",
                "Line 5: serial number " + taken + " is already in the register (device "
                        + jdbc.sql("SELECT id FROM device WHERE serial_number = :s").param("s", taken).query(Long.class)
                        .single() + ").");
        assertThat(count("device")).isEqualTo(before);
    }

    @Test
    void aGoodCsvImportEntersEveryDevice() {
        String a = TestPeople.unique("A"), b = TestPeople.unique("B");
        DeviceImport.Result result = importer.importCsv("Type,Make,Serial Number,Asset Tag\r\nLaptop,Lenovo," + a
                + "," + a + "\r\nChromebook,Acer," + b + ",\r\n", "office");

        assertThat(result.problems()).isEmpty();
        assertThat(result.entered()).isEqualTo(2);
        assertThat(devices.list(DeviceState.AVAILABLE)).extracting(Device::serialNumber).contains(a, b);
    }

    @Test
    void aLoanDueBeforeItIsLentIsRefusedAndNothingIsLent() {
        Device device = devices.create(fields(TestPeople.unique("S"), null), "office");

        assertThatThrownBy(() -> loans.lend(new NewLoan(device.id(), pupil, TODAY, TODAY.minusDays(1), "Good", "Lena",
                true), "office"))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.problems()).containsExactly(
                        "The day it is due back (6 Dec 2026) is before the day it is lent (7 Dec 2026)."));
        assertThat(devices.get(device.id()).state()).isEqualTo(DeviceState.AVAILABLE);
        assertThat(loans.ofDevice(device.id())).isEmpty();
    }

    @Test
    void aLoanNeedsTheBorrowersTypedNameAndTick() {
        Device device = devices.create(fields(TestPeople.unique("S"), null), "office");

        assertThatThrownBy(() -> loans.lend(new NewLoan(device.id(), pupil, TODAY, TODAY.plusDays(7), "Good", " ", false),
                "office"))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.problems()).containsExactly(
                        "The borrower's typed name (their signature) is required.",
                        "The borrower must tick to confirm they have received the device and will return it when asked."));
    }

    @Test
    void aLoanIsReturnedOnceAndASecondReturnIsRefused() {
        Device device = devices.create(fields(TestPeople.unique("S"), null), "office");
        Loan loan = loans.lend(new NewLoan(device.id(), pupil, TODAY.minusDays(3), TODAY.plusDays(7), "Good, no marks",
                "Lena", true), "office");
        assertThat(devices.get(device.id()).state()).isEqualTo(DeviceState.ON_LOAN);
        assertThatThrownBy(() -> loans.lend(new NewLoan(device.id(), pupil, TODAY, TODAY, "Good", "Lena", true), "office"))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.conflict()).isTrue());
        assertThatThrownBy(() -> loans.giveBack(loan.id(), TODAY.minusDays(4), "Fine", "office"))
                .hasMessage("The day it came back (3 Dec 2026) is before the day it was lent (4 Dec 2026).");

        Loan returned = loans.giveBack(loan.id(), TODAY, "Scratched lid", "office");

        assertThat(returned.status(TODAY)).isEqualTo("Returned");
        assertThat(returned.conditionBack()).isEqualTo("Scratched lid");
        assertThat(devices.get(device.id()).state()).isEqualTo(DeviceState.AVAILABLE);
        assertThatThrownBy(() -> loans.giveBack(loan.id(), TODAY, "Fine", "office"))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Loan " + loan.id()
                            + " was already returned on 7 Dec 2026, so it cannot be returned again.");
                });
        assertThat(loans.get(loan.id()).conditionBack()).isEqualTo("Scratched lid");
    }

    @Test
    void aReturnRequestIsDueSeventyTwoHoursLaterAndAskingAgainKeepsTheFirstClock() {
        Device device = devices.create(fields(TestPeople.unique("S"), null), "office");
        Loan loan = loans.lend(new NewLoan(device.id(), pupil, TODAY.minusDays(1), TODAY.plusDays(30), "Good", "Lena",
                true), "office");

        Loan asked = loans.requestReturn(loan.id(), "office");
        Loan later = new Loans(jdbc, devices, people, audit, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC))
                .requestReturn(loan.id(), "office");

        assertThat(asked.returnDueAt().toInstant()).isEqualTo(Instant.parse("2026-12-10T09:15:00Z"));
        assertThat(asked.returnCountdown(NOW)).isEqualTo("3 days 0 hours 0 minutes left");
        assertThat(asked.status(TODAY)).isEqualTo("Return requested");
        assertThat(later.returnDueAt()).isEqualTo(asked.returnDueAt());
        assertThat(later.returnLate(Instant.parse("2026-12-10T09:16:00Z"))).isTrue();
    }

    @Test
    void overdueLoansAreThoseOutPastTheirDueDay() {
        Device late = devices.create(fields(TestPeople.unique("S"), null), "office");
        Device dueToday = devices.create(fields(TestPeople.unique("S"), null), "office");
        Loan overdue = loans.lend(new NewLoan(late.id(), pupil, TODAY.minusDays(20), TODAY.minusDays(1), "Good", "Lena",
                true), "office");
        Loan notYet = loans.lend(new NewLoan(dueToday.id(), pupil, TODAY.minusDays(20), TODAY, "Good", "Lena", true),
                "office");

        assertThat(loans.overdue()).extracting(Loan::id).contains(overdue.id()).doesNotContain(notYet.id());
        assertThat(loans.get(overdue.id()).status(TODAY)).isEqualTo("Overdue");
    }

    @Test
    void personalDevicesAreRegisteredAgainstTheMobileTechnologiesTable() {
        assertThat(personal.fromPolicy()).isTrue();
        assertThat(personal.kinds()).extracting(PersonalDeviceKind::id)
                .containsExactly("pupil-owned", "staff-owned", "visitor-owned");
        long staff = TestPeople.person(jdbc, "STAFF", "Sam", TestPeople.unique("Byod"));

        PersonalDevice phone = personal.register(staff, "staff-owned", "iPhone 13, blue case", "office");

        assertThat(personal.ofPerson(staff)).extracting(PersonalDevice::id).containsExactly(phone.id());
        assertThatThrownBy(() -> personal.register(pupil, "pupil-owned", "Phone", "office"))
                .hasMessage("The policy's Mobile Technologies table does not allow pupil owned devices for use in school.");
        assertThatThrownBy(() -> personal.register(staff, "school-single-user", "Laptop", "office"))
                .hasMessage("Choose a personal device from the policy's Mobile Technologies table.");
        personal.remove(phone.id(), "office");
        assertThatThrownBy(() -> personal.remove(phone.id(), "office")).isInstanceOf(DeviceException.class);
    }

    private static DeviceFields fields(String serial, String tag) {
        return new DeviceFields("laptop", "Lenovo", "100e", serial, tag, "IT office", null);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
