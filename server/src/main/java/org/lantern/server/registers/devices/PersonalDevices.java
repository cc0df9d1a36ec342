package org.lantern.server.registers.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.policy.MobileTechnologies;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.policy.PolicyService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal devices (BYOD) registered against the policy in force: the personal columns of its
 * Mobile Technologies table ("Pupil owned", "Staff owned", "Visitor owned"), with what the table
 * says of each; a kind the table's "Allowed for use in school" row answers No is refused, quoting
 * the policy. A policy with no Mobile Technologies table (the Prince Henry's and Rothwell presets)
 * falls back to the school's allowed device types, {@code lantern.registers.byod.allowed-types}.
 */
@Service
public class PersonalDevices {

    /** The Mobile Technologies row whose No refuses a kind of personal device. */
    static final String ALLOWED_ROW = "allowed-in-school";
    static final int MAX_DESCRIPTION = 200;

    private final JdbcClient jdbc;
    private final PolicyService policies;
    private final People people;
    private final DeviceAudit audit;
    private final List<String> allowedTypes;

    PersonalDevices(JdbcClient jdbc, PolicyService policies, People people, DeviceAudit audit,
                    @Value("${lantern.registers.byod.allowed-types:Phone,Tablet,Laptop}") List<String> allowedTypes) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.people = people;
        this.audit = audit;
        this.allowedTypes = allowedTypes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the policy in force has a Mobile Technologies table the kinds come from. */
    public boolean fromPolicy() {
        return policies.currentDocument().mobileTechnologies() != null;
    }

    /** The kinds a person may register, from the policy's table or the allowed types. */
    public List<PersonalDeviceKind> kinds() {
        MobileTechnologies table = policies.currentDocument().mobileTechnologies();
        if (table == null) {
            return allowedTypes.stream().map(t -> new PersonalDeviceKind(t, t, true, List.of())).toList();
        }
        List<PersonalDeviceKind> kinds = new ArrayList<>();
        for (MobileTechnologies.Device d : table.devices()) {
            if (d.owner() != MobileTechnologies.Ownership.PERSONAL) {
                continue;
            }
            List<String> terms = new ArrayList<>();
            boolean allowed = true;
            for (MobileTechnologies.Row row : table.rows()) {
                Optional<Boolean> answer = row.answer(d.id());
                answer.ifPresent(a -> terms.add(row.text() + ": " + (a ? "Yes" : "No")));
                if (row.id().equals(ALLOWED_ROW) && answer.equals(Optional.of(false))) {
                    allowed = false;
                }
            }
            kinds.add(new PersonalDeviceKind(d.id(), d.text(), allowed, terms));
        }
        return kinds;
    }

    /** The kinds by id, in the order {@link #kinds()} gives them. */
    public Map<String, PersonalDeviceKind> kindsById() {
        return kinds().stream().collect(Collectors.toMap(PersonalDeviceKind::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    /** The devices registered and not removed, by owner. */
    public List<PersonalDevice> list() {
        return jdbc.sql("SELECT d.* FROM personal_device d JOIN person p ON p.id = d.person_id WHERE d.removed_at IS NULL "
                + "ORDER BY p.legal_last_name, p.legal_first_name, d.id").query(this::map).list();
    }

    /** A person's registered devices, removed ones included, newest first. */
    public List<PersonalDevice> ofPerson(long personId) {
        return jdbc.sql("SELECT * FROM personal_device WHERE person_id = :id ORDER BY registered_at DESC, id DESC")
                .param("id", personId).query(this::map).list();
    }

    /**
     * Registers a personal device.
     *
     * @throws DeviceException naming every problem; nothing is registered
     */
    @Transactional
    public PersonalDevice register(Long personId, String kindId, String description, String actor) {
        List<String> problems = new ArrayList<>();
        Person person = personId == null ? null : people.find(personId).orElse(null);
        if (person == null) {
            problems.add(personId == null ? "Choose whose device it is." : "There is no person " + personId + ".");
        } else if (person.hasLeft(SchoolTime.today())) {
            problems.add(person.displayName() + " has left the school.");
        }
        checkKindAndDescription(problems, kindId, description);
        if (!problems.isEmpty()) {
            throw DeviceException.of(problems);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO personal_device (person_id, kind, description, registered_by, registered_at) "
                        + "VALUES (:person, :kind, :description, :by, :now)")
                .param("person", personId).param("kind", kindId).param("description", description.strip())
                .param("by", actor).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.append(actor, "personal-device.registered", DeviceAudit.PERSONAL, id,
                Map.of("personId", personId, "kind", kindId));
        return get(id);
    }

    /**
     * Changes what a device on the register is: its kind and description, checked as registering
     * checks them. The owner does not change: a device someone else brings is registered for them.
     *
     * @throws DeviceNotFoundException when there is no such device
     * @throws DeviceException naming every problem (400), or (409) when it was taken off the register; nothing changes
     */
    @Transactional
    public PersonalDevice update(long id, String kindId, String description, String actor) {
        PersonalDevice device = get(id);
        List<String> problems = new ArrayList<>();
        checkKindAndDescription(problems, kindId, description);
        if (!problems.isEmpty()) {
            throw DeviceException.of(problems);
        }
        int changed = jdbc.sql("UPDATE personal_device SET kind = :kind, description = :description "
                        + "WHERE id = :id AND removed_at IS NULL")
                .param("kind", kindId).param("description", description.strip()).param("id", id).update();
        if (changed == 0) {
            throw DeviceException.conflict("That personal device was taken off the register, so it cannot be changed: "
                    + "register it again.");
        }
        audit.append(actor, "personal-device.changed", DeviceAudit.PERSONAL, id,
                Map.of("personId", device.personId(), "kind", kindId));
        return get(id);
    }

    /** Takes a device off the register (the person no longer brings it, or has left). */
    @Transactional
    public PersonalDevice remove(long id, String actor) {
        PersonalDevice device = get(id);
        if (device.removedAt() != null) {
            throw DeviceException.conflict("That personal device was already taken off the register.");
        }
        jdbc.sql("UPDATE personal_device SET removed_at = :now, removed_by = :by WHERE id = :id")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("by", actor).param("id", id).update();
        audit.append(actor, "personal-device.removed", DeviceAudit.PERSONAL, id, Map.of("personId", device.personId()));
        return get(id);
    }

    private void checkKindAndDescription(List<String> problems, String kindId, String description) {
        Optional<PersonalDeviceKind> kind = kinds().stream().filter(k -> k.id().equals(kindId)).findFirst();
        if (kind.isEmpty()) {
            problems.add(fromPolicy() ? "Choose a personal device from the policy's Mobile Technologies table."
                    : "Choose one of the allowed device types: " + String.join(", ", allowedTypes) + ".");
        } else if (!kind.get().allowed()) {
            problems.add("The policy's Mobile Technologies table does not allow " + kind.get().label().toLowerCase(
                    Locale.ROOT) + " devices for use in school.");
        }
        DeviceFields.require(problems, "What the device is", description, MAX_DESCRIPTION);
    }

    /**
     * A device on the register, or taken off it.
     *
     * @throws DeviceNotFoundException when there is no such device
     */
    public PersonalDevice get(long id) {
        return jdbc.sql("SELECT * FROM personal_device WHERE id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new DeviceNotFoundException("There is no personal device " + id + "."));
    }

    private PersonalDevice map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime removed = rs.getObject("removed_at", OffsetDateTime.class);
        return new PersonalDevice(rs.getLong("id"), rs.getLong("person_id"),
                people.find(rs.getLong("person_id")).map(Person::displayName).orElse(""), rs.getString("kind"),
                rs.getString("description"), rs.getString("registered_by"),
                rs.getObject("registered_at", OffsetDateTime.class).atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime(),
                removed == null ? null : removed.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime());
    }
}
