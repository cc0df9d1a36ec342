package org.lantern.server.registers.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loan register (seed 000: "Users who borrow loan equipment sign for it ... complete details in
 * the loan register"): lending a device to a person who signs for it, its return with its
 * condition, and a request to return it, which starts seed 003's 72-hour clock. A device is lent to
 * one person at a time, and a loan is closed once: a second return is refused, naming the first.
 * The clock is injected so the rules are tested at any time of day; every change is audited.
 */
@Service
public class Loans {

    static final int MAX_CONDITION = 500;
    static final int MAX_NAME = 200;

    static final String SELECT = "SELECT l.*, d.id AS d_id, d.device_type, d.make, d.model, d.serial_number, d.asset_tag, "
            + "d.location, d.state, d.created_by, d.created_at, p.legal_first_name, p.legal_last_name, "
            + "p.preferred_first_name FROM device_loan l JOIN device d ON d.id = l.device_id "
            + "JOIN person p ON p.id = l.person_id";

    private final JdbcClient jdbc;
    private final Devices devices;
    private final People people;
    private final DeviceAudit audit;
    private final Clock clock;

    @Autowired
    Loans(JdbcClient jdbc, Devices devices, People people, DeviceAudit audit) {
        this(jdbc, devices, people, audit, Clock.systemUTC());
    }

    Loans(JdbcClient jdbc, Devices devices, People people, DeviceAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in school time, by this register's clock. */
    public LocalDate today() {
        return clock.instant().atZone(SchoolTime.ZONE).toLocalDate();
    }

    /** Now, by this register's clock. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public Optional<Loan> find(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(Loans::map).optional();
    }

    public Loan get(long id) {
        return find(id).orElseThrow(() -> new DeviceNotFoundException("There is no loan " + id + "."));
    }

    /** The loans still out, soonest due first. */
    public List<Loan> open() {
        return jdbc.sql(SELECT + " WHERE l.returned_on IS NULL AND l.loss_kind IS NULL ORDER BY l.due_on, l.id")
                .query(Loans::map).list();
    }

    /** Every loan, newest first. */
    public List<Loan> all() {
        return jdbc.sql(SELECT + " ORDER BY l.lent_on DESC, l.id DESC").query(Loans::map).list();
    }

    /** The loans out past their due day, most overdue first. */
    public List<Loan> overdue() {
        return jdbc.sql(SELECT + " WHERE l.returned_on IS NULL AND l.loss_kind IS NULL AND l.due_on < :today "
                + "ORDER BY l.due_on, l.id").param("today", today()).query(Loans::map).list();
    }

    /** A device's loans, newest first. */
    public List<Loan> ofDevice(long deviceId) {
        return jdbc.sql(SELECT + " WHERE l.device_id = :id ORDER BY l.lent_on DESC, l.id DESC").param("id", deviceId)
                .query(Loans::map).list();
    }

    /** A person's loans, newest first. */
    public List<Loan> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE l.person_id = :id ORDER BY l.lent_on DESC, l.id DESC").param("id", personId)
                .query(Loans::map).list();
    }

    /**
     * Lends a device. Refused with every problem named: a device not available (on loan to someone,
     * lost, being repaired), a borrower not in the directory or who has left, a due day before the
     * day lent or a lending day in the future, no condition, no typed name or no tick.
     */
    @Transactional
    public Loan lend(NewLoan in, String actor) {
        Device device = devices.lock(in.deviceId());
        List<String> problems = new ArrayList<>();
        LocalDate today = today();
        Person borrower = null;
        if (in.personId() == null) {
            problems.add("Choose who is borrowing it.");
        } else {
            borrower = people.find(in.personId()).orElse(null);
            if (borrower == null) {
                problems.add("There is no person " + in.personId() + " in the directory.");
            } else if (borrower.hasLeft(today)) {
                problems.add(borrower.displayName() + " has left the school and cannot borrow a device.");
            }
        }
        if (in.lentOn() == null) {
            problems.add("Say the day it is lent.");
        } else if (in.lentOn().isAfter(today)) {
            problems.add("The day it is lent cannot be in the future.");
        }
        if (in.dueOn() == null) {
            problems.add("Say the day it is due back.");
        } else if (in.lentOn() != null && in.dueOn().isBefore(in.lentOn())) {
            problems.add("The day it is due back (" + SchoolTime.day(in.dueOn()) + ") is before the day it is lent ("
                    + SchoolTime.day(in.lentOn()) + ").");
        }
        DeviceFields.require(problems, "Its condition as it goes out", in.conditionOut(), MAX_CONDITION);
        DeviceFields.require(problems, "The borrower's typed name (their signature)", in.signedName(), MAX_NAME);
        if (!in.agreed()) {
            problems.add("The borrower must tick to confirm they have received the device and will return it when asked.");
        }
        if (!problems.isEmpty()) {
            throw DeviceException.of(problems);
        }
        if (device.state() != DeviceState.AVAILABLE) {
            throw DeviceException.conflict(device.label() + " is " + device.state().label().toLowerCase(Locale.ROOT)
                    + ", so it cannot be lent.");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO device_loan (device_id, person_id, lent_on, due_on, condition_out, signed_name, lent_by, "
                        + "lent_at) VALUES (:device, :person, :lent, :due, :condition, :signed, :by, :now)")
                .param("device", device.id()).param("person", in.personId()).param("lent", in.lentOn())
                .param("due", in.dueOn()).param("condition", in.conditionOut().strip())
                .param("signed", in.signedName().strip()).param("by", actor).param("now", now()).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        devices.setState(device.id(), DeviceState.ON_LOAN);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("deviceId", device.id());
        detail.put("personId", in.personId());
        detail.put("lentOn", in.lentOn().toString());
        detail.put("dueOn", in.dueOn().toString());
        audit.append(actor, "loan.lent", DeviceAudit.LOAN, id, detail);
        return get(id);
    }

    /**
     * Records the device's return and its condition; the device is available again. A loan already
     * returned, or reported lost or stolen, is refused (409) and nothing changes.
     */
    @Transactional
    public Loan giveBack(long loanId, LocalDate returnedOn, String conditionBack, String actor) {
        Loan loan = get(loanId);
        refuseClosed(loan, "returned");
        List<String> problems = new ArrayList<>();
        if (returnedOn == null) {
            problems.add("Say the day it came back.");
        } else if (returnedOn.isAfter(today())) {
            problems.add("The day it came back cannot be in the future.");
        } else if (returnedOn.isBefore(loan.lentOn())) {
            problems.add("The day it came back (" + SchoolTime.day(returnedOn) + ") is before the day it was lent ("
                    + SchoolTime.day(loan.lentOn()) + ").");
        }
        DeviceFields.require(problems, "Its condition as it comes back", conditionBack, MAX_CONDITION);
        if (!problems.isEmpty()) {
            throw DeviceException.of(problems);
        }
        int closed = jdbc.sql("UPDATE device_loan SET returned_on = :on, condition_back = :condition, returned_by = :by "
                        + "WHERE id = :id AND returned_on IS NULL AND loss_kind IS NULL")
                .param("on", returnedOn).param("condition", conditionBack.strip()).param("by", actor)
                .param("id", loanId).update();
        if (closed == 0) {
            refuseClosed(get(loanId), "returned");
        }
        devices.setState(loan.device().id(), DeviceState.AVAILABLE);
        audit.append(actor, "loan.returned", DeviceAudit.LOAN, loanId, Map.of("returnedOn", returnedOn.toString()));
        return get(loanId);
    }

    /**
     * Asks for the device back, starting the 72-hour clock. Asking again while the clock runs keeps
     * the first request (the clock is not restarted); a closed loan is refused (409).
     *
     * @return the loan with its return due time
     */
    @Transactional
    public Loan requestReturn(long loanId, String actor) {
        Loan loan = get(loanId);
        refuseClosed(loan, "asked back");
        if (loan.returnDueAt() != null) {
            return loan;
        }
        OffsetDateTime now = now();
        OffsetDateTime due = now.plus(Loan.RETURN_WITHIN);
        jdbc.sql("UPDATE device_loan SET return_requested_at = :now, return_requested_by = :by, return_due_at = :due "
                        + "WHERE id = :id AND return_due_at IS NULL")
                .param("now", now).param("by", actor).param("due", due).param("id", loanId).update();
        audit.append(actor, "loan.return-requested", DeviceAudit.LOAN, loanId, Map.of("returnDueAt",
                due.toInstant().toString()));
        return get(loanId);
    }

    /** Refuses to change a loan that is closed, saying how and when it was closed. */
    static void refuseClosed(Loan loan, String what) {
        if (loan.returnedOn() != null) {
            throw DeviceException.conflict("Loan " + loan.id() + " was already returned on "
                    + SchoolTime.day(loan.returnedOn()) + ", so it cannot be " + what + " again.");
        }
        if (loan.lossKind() != null) {
            throw DeviceException.conflict("Loan " + loan.id() + " was reported " + loan.lossKind().label()
                    .toLowerCase(Locale.ROOT) + ", so it cannot be " + what + ".");
        }
    }

    static Loan map(ResultSet rs, int n) throws SQLException {
        Device device = new Device(rs.getLong("d_id"), DeviceType.valueOf(rs.getString("device_type")),
                rs.getString("make"), rs.getString("model"), rs.getString("serial_number"), rs.getString("asset_tag"),
                rs.getString("location"), DeviceState.valueOf(rs.getString("state")), rs.getString("created_by"),
                school(rs, "created_at"));
        String preferred = rs.getString("preferred_first_name");
        String name = (preferred != null && !preferred.isBlank() ? preferred : rs.getString("legal_first_name")) + " "
                + rs.getString("legal_last_name");
        String loss = rs.getString("loss_kind");
        boolean personal = rs.getBoolean("personal_data");
        Boolean personalData = rs.wasNull() ? null : personal;
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        long breach = rs.getLong("breach_id");
        Long breachId = rs.wasNull() ? null : breach;
        return new Loan(rs.getLong("id"), device, rs.getLong("person_id"), name, rs.getObject("lent_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("condition_out"), rs.getString("signed_name"),
                rs.getString("lent_by"), rs.getObject("returned_on", LocalDate.class), rs.getString("condition_back"),
                rs.getString("returned_by"), school(rs, "return_requested_at"), school(rs, "return_due_at"),
                loss == null ? null : LossKind.valueOf(loss), school(rs, "lost_at"), rs.getString("police_reference"),
                personalData, incidentId, breachId);
    }

    private static OffsetDateTime school(ResultSet rs, String column) throws SQLException {
        OffsetDateTime stored = rs.getObject(column, OffsetDateTime.class);
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }
}
