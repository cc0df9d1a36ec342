package org.lantern.server.registers.devices;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;

/**
 * The register as the API shows it and as its CSV exports write it. A loan shows the numbers of
 * the incident and breach a loss opened, never their contents.
 */
final class DeviceViews {

    private DeviceViews() {
    }

    /**
     * A device in the API.
     *
     * @param id           its id
     * @param type         e.g. LAPTOP
     * @param make         the maker
     * @param model        the model
     * @param serialNumber the serial number
     * @param assetTag     the school's label
     * @param location     where it is kept
     * @param state        e.g. ON_LOAN
     */
    record DeviceView(long id, DeviceType type, String make, String model, String serialNumber, String assetTag,
                      String location, DeviceState state) {
        static DeviceView of(Device d) {
            return new DeviceView(d.id(), d.type(), d.make(), d.model(), d.serialNumber(), d.assetTag(), d.location(),
                    d.state());
        }
    }

    /**
     * A loan in the API.
     *
     * @param id              its id
     * @param deviceId        the device
     * @param device          the device's short name
     * @param personId        the borrower
     * @param borrower        the borrower's name
     * @param lentOn          ISO date
     * @param dueOn           ISO date
     * @param status          Out, Overdue, Return requested, Returned, Lost or Stolen
     * @param conditionOut    its condition when lent
     * @param signedName      the name the borrower typed
     * @param returnedOn      ISO date, or null
     * @param conditionBack   its condition when returned, or null
     * @param returnDueAt     ISO date-time the return request's 72 hours end, or null
     * @param lossKind        LOST or STOLEN, or null
     * @param policeReference the police reference, or null
     * @param incidentId      the incident a loss opened, or null
     * @param breachId        the breach a loss opened, or null
     */
    record LoanView(long id, long deviceId, String device, long personId, String borrower, String lentOn, String dueOn,
                    String status, String conditionOut, String signedName, String returnedOn, String conditionBack,
                    String returnDueAt, LossKind lossKind, String policeReference, Long incidentId, Long breachId) {
        static LoanView of(Loan l, LocalDate today) {
            return new LoanView(l.id(), l.device().id(), l.device().label(), l.personId(), l.borrower(),
                    l.lentOn().toString(), l.dueOn().toString(), l.status(today), l.conditionOut(), l.signedName(),
                    l.returnedOn() == null ? null : l.returnedOn().toString(), l.conditionBack(),
                    l.returnDueAt() == null ? null : l.returnDueAt().toString(), l.lossKind(), l.policeReference(),
                    l.incidentId(), l.breachId());
        }
    }

    static void deviceCsv(SafeCsv csv, Iterable<Device> devices) throws IOException {
        csv.row("Device", "Type", "Make", "Model", "Serial number", "Asset tag", "Location", "State");
        for (Device d : devices) {
            csv.row(d.id(), d.type().label(), d.make(), d.model(), d.serialNumber(), d.assetTag(), d.location(),
                    d.state().label());
        }
    }

    static void loanCsv(SafeCsv csv, Iterable<Loan> loans, LocalDate today) throws IOException {
        csv.row("Loan", "Device", "Serial number", "Borrower", "Lent on", "Due on", "Status", "Condition out",
                "Signed by", "Returned on", "Condition back", "Return due", "Police reference");
        for (Loan l : loans) {
            csv.row(l.id(), l.device().label(), l.device().serialNumber(), l.borrower(), l.lentOn(), l.dueOn(),
                    l.status(today), l.conditionOut(), l.signedName(), l.returnedOn(), l.conditionBack(),
                    l.returnDueAt() == null ? null : SchoolTime.when(l.returnDueAt()),
                    l.policeReference());
        }
    }

    /** The personal devices on the register, each kind in words as the policy's table names it. */
    static void personalCsv(SafeCsv csv, Iterable<PersonalDevice> devices, Map<String, PersonalDeviceKind> kinds)
            throws IOException {
        csv.row("Personal device", "Owner", "Kind", "Device", "Registered by", "Registered on");
        for (PersonalDevice d : devices) {
            PersonalDeviceKind kind = kinds.get(d.kind());
            csv.row(d.id(), d.owner(), kind == null ? d.kind() : kind.label(), d.description(), d.registeredBy(),
                    d.registeredAt().toLocalDate());
        }
    }
}
