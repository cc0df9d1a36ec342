package org.lantern.server.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.lantern.server.http.SchoolTime;

/**
 * The people directory and the internet access register: what other features ask about people
 * (the web filter resolves a request by network identity, the integrator links demo accounts) and
 * the only place that grants or removes internet access, so every change leaves a register row.
 * Every change the web filter cares about is announced as {@link PeopleChanged}.
 */
@Service
public class People {

    private static final String COLUMNS = "id, kind, legal_first_name, legal_last_name, preferred_first_name, "
            + "admission_number, upn, date_of_birth, year_group, registration_class, staff_code, job_title, "
            + "staff_role, email, start_date, leaving_date, account_id, internet_access, created_at, updated_at";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    People(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Today in the school's time zone. */
    public static LocalDate today() {
        return SchoolTime.today();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A stored instant as the school's wall-clock time, which is how pages show it. */
    static OffsetDateTime inSchoolZone(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }

    /** The person with this id. */
    public Optional<Person> find(long id) {
        List<Person> found = withIdentities(jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = :id")
                .param("id", id).query(People::mapPerson).list());
        return found.stream().findFirst();
    }

    /** The person with this id, or {@link PersonNotFoundException}. */
    public Person get(long id) {
        return find(id).orElseThrow(() -> new PersonNotFoundException(id));
    }

    /** Everyone of a kind (or everyone, when {@code kind} is null), by surname then first name. */
    public List<Person> list(PersonKind kind) {
        return withIdentities(jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind) "
                        + "ORDER BY legal_last_name, legal_first_name, id")
                .param("kind", kind == null ? null : kind.name()).query(People::mapPerson).list());
    }

    /** Everyone, for import matching. */
    List<Person> all() {
        return list(null);
    }

    /**
     * A page of the directory: {@code name} matches any part of first, preferred or last name
     * (case-insensitive); null filters are ignored.
     */
    public PersonPage search(String name, PersonKind kind, YearGroup year, int page, int size) {
        String like = name == null || name.isBlank() ? null
                : "%" + name.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " WHERE (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind) AND (CAST(:year AS VARCHAR) IS NULL OR year_group = :year)"
                + " AND (CAST(:name AS VARCHAR) IS NULL OR LOWER(legal_first_name || ' ' || legal_last_name) LIKE :name ESCAPE '\\'"
                + " OR LOWER(COALESCE(preferred_first_name, '') || ' ' || legal_last_name) LIKE :name ESCAPE '\\')";
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind == null ? null : kind.name());
        params.put("year", year == null ? null : year.code());
        params.put("name", like);
        long total = jdbc.sql("SELECT COUNT(*) FROM person" + where).params(params).query(Long.class).single();
        List<Person> people = withIdentities(jdbc.sql("SELECT " + COLUMNS + " FROM person" + where
                        + " ORDER BY legal_last_name, legal_first_name, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(People::mapPerson).list());
        return new PersonPage(people, page, size, total);
    }

    /** The person a network identity belongs to, e.g. the proxy username in a web request. */
    public Optional<Person> findByNetworkIdentity(NetworkIdentityType type, String value) {
        return jdbc.sql("SELECT person_id FROM network_identity WHERE identity_type = :type AND identity_value = :value")
                .param("type", type.name()).param("value", value.strip().toLowerCase(Locale.ROOT))
                .query(Long.class).optional().flatMap(this::find);
    }

    /** The person whose proxy username this is. */
    public Optional<Person> findByProxyUsername(String username) {
        return findByNetworkIdentity(NetworkIdentityType.PROXY_USERNAME, username);
    }

    /** The person a login account (identity's {@code account.id}) is linked to, e.g. a signed-in pupil. */
    public Optional<Person> findByAccount(long accountId) {
        return jdbc.sql("SELECT id FROM person WHERE account_id = :account ORDER BY id").param("account", accountId)
                .query(Long.class).list().stream().findFirst().flatMap(this::find);
    }

    /** Links a login account (identity's {@code account.id}) to a person; {@code null} unlinks. */
    @Transactional
    public void linkAccount(long personId, Long accountId) {
        int updated = jdbc.sql("UPDATE person SET account_id = :account, updated_at = :now WHERE id = :id")
                .param("account", accountId).param("now", now()).param("id", personId).update();
        if (updated == 0) {
            throw new PersonNotFoundException(personId);
        }
    }

    /**
     * Gives a person a network identity, e.g. a device IP, so the web filter attributes that
     * device's requests to them. Throws {@link InvalidNetworkIdentityException} for a malformed
     * value or one that already identifies someone.
     */
    @Transactional
    public NetworkIdentity addIdentity(long personId, NetworkIdentityType type, String value) {
        get(personId);
        String canonical = type.normalise(value)
                .orElseThrow(() -> new InvalidNetworkIdentityException(type.label() + " \"" + value + "\" is " + type.problem()));
        findByNetworkIdentity(type, canonical).ifPresent(owner -> {
            throw new InvalidNetworkIdentityException(type.label() + " " + canonical
                    + (owner.id() == personId ? " is already recorded for this person" : " already identifies another person"));
        });
        jdbc.sql("INSERT INTO network_identity (person_id, identity_type, identity_value) VALUES (:id, :type, :value)")
                .param("id", personId).param("type", type.name()).param("value", canonical).update();
        events.publishEvent(PeopleChanged.of(personId, type.label() + " " + canonical + " added"));
        return new NetworkIdentity(type, canonical);
    }

    /** Removes one of a person's network identities; false if they did not have it. */
    @Transactional
    public boolean removeIdentity(long personId, NetworkIdentityType type, String value) {
        boolean removed = jdbc.sql("DELETE FROM network_identity WHERE person_id = :id AND identity_type = :type AND identity_value = :value")
                .param("id", personId).param("type", type.name()).param("value", value).update() > 0;
        if (removed) {
            events.publishEvent(PeopleChanged.of(personId, type.label() + " " + value + " removed"));
        }
        return removed;
    }

    /**
     * Grants internet access and records who did it and why; does nothing if access is already granted.
     *
     * @throws AccessSuspendedException while an incident's sanction suspends the person's access:
     *     only {@link AccessSuspensions#restore} lifts that
     */
    @Transactional
    public boolean grantAccess(long personId, String actor, String reason) {
        Optional<Long> incident = jdbc.sql("SELECT incident_id FROM access_suspension "
                        + "WHERE person_id = :id AND restored_at IS NULL ORDER BY id LIMIT 1")
                .param("id", personId).query(Long.class).list().stream().findFirst();
        if (incident.isPresent()) {
            throw new AccessSuspendedException(incident.get());
        }
        return changeAccess(personId, AccessAction.GRANTED, actor, reason, null);
    }

    /** Removes internet access and records who did it and why; does nothing if access is already removed. */
    @Transactional
    public boolean removeAccess(long personId, String actor, String reason) {
        return changeAccess(personId, AccessAction.REMOVED, actor, reason, null);
    }

    /** Grants or removes access, the register entry naming the incident behind the change, if any. */
    boolean changeAccess(long personId, AccessAction action, String actor, String reason, Long incidentId) {
        boolean grant = action == AccessAction.GRANTED;
        int updated = jdbc.sql("UPDATE person SET internet_access = :grant, updated_at = :now "
                        + "WHERE id = :id AND internet_access = :was")
                .param("grant", grant).param("now", now()).param("id", personId).param("was", !grant).update();
        if (updated == 0) {
            get(personId);
            return false;
        }
        jdbc.sql("INSERT INTO internet_access_event (person_id, action, occurred_at, actor, reason, incident_id) "
                        + "VALUES (:person, :action, :at, :actor, :reason, :incident)")
                .param("person", personId).param("action", action.name()).param("at", now())
                .param("actor", actor).param("reason", reason).param("incident", incidentId).update();
        events.publishEvent(PeopleChanged.of(personId, "internet access " + action.label().toLowerCase(Locale.ROOT)
                + " by " + actor));
        return true;
    }

    /** A person's register entries, newest first. */
    public List<AccessEvent> accessHistory(long personId) {
        return register(new RegisterFilter(personId, null, null, null, null), 1000);
    }

    /** Register entries matching the filter, newest first, at most {@code limit}. */
    public List<AccessEvent> register(RegisterFilter filter, int limit) {
        return register(filter, "", limit);
    }

    /**
     * Everyone whose internet access is removed now, each with the register entry that removed it,
     * newest first, at most {@code limit}. Unlike the register, a removal later undone by a grant
     * is not listed: the entry must be the person's latest and the person still without access.
     */
    public List<AccessEvent> accessRemovedNow(int limit) {
        return register(new RegisterFilter(null, AccessAction.REMOVED, null, null, null),
                "AND p.internet_access = FALSE AND NOT EXISTS (SELECT 1 FROM internet_access_event later "
                        + "WHERE later.person_id = e.person_id AND (later.occurred_at > e.occurred_at "
                        + "OR (later.occurred_at = e.occurred_at AND later.id > e.id))) ", limit);
    }

    private List<AccessEvent> register(RegisterFilter filter, String condition, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("person", filter.personId());
        params.put("action", filter.action() == null ? null : filter.action().name());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("from", filter.from() == null ? null : filter.from().atStartOfDay(SchoolTime.ZONE).toOffsetDateTime());
        params.put("to", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(SchoolTime.ZONE).toOffsetDateTime());
        params.put("limit", limit);
        return jdbc.sql("SELECT e.id, e.person_id, e.action, e.occurred_at, e.actor, e.reason, e.incident_id, p.kind, "
                        + "p.legal_first_name, p.legal_last_name, p.preferred_first_name "
                        + "FROM internet_access_event e JOIN person p ON p.id = e.person_id "
                        + "WHERE (CAST(:person AS BIGINT) IS NULL OR e.person_id = :person) AND (CAST(:action AS VARCHAR) IS NULL OR e.action = :action) "
                        + "AND (CAST(:kind AS VARCHAR) IS NULL OR p.kind = :kind) "
                        + "AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.occurred_at >= :from) "
                        + "AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.occurred_at < :to) " + condition
                        + "ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit")
                .params(params)
                .query((rs, n) -> new AccessEvent(rs.getLong("id"), rs.getLong("person_id"),
                        name(rs.getString("preferred_first_name"), rs.getString("legal_first_name"),
                                rs.getString("legal_last_name")),
                        PersonKind.valueOf(rs.getString("kind")), AccessAction.valueOf(rs.getString("action")),
                        inSchoolZone(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor"),
                        rs.getString("reason"), rs.getObject("incident_id", Long.class)))
                .list();
    }

    /** Which register entries to show; null fields match everything. */
    public record RegisterFilter(Long personId, AccessAction action, PersonKind kind, LocalDate from, LocalDate to) {
    }

    /** A detail map as the JSON the audit chain keeps. */
    static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    private static String name(String preferred, String first, String last) {
        return (preferred == null || preferred.isBlank() ? first : preferred) + " " + last;
    }

    private List<Person> withIdentities(List<Person> people) {
        if (people.isEmpty()) {
            return people;
        }
        Map<Long, List<NetworkIdentity>> byPerson = new HashMap<>();
        jdbc.sql("SELECT person_id, identity_type, identity_value FROM network_identity WHERE person_id IN (:ids) ORDER BY identity_type, identity_value")
                .param("ids", people.stream().map(Person::id).toList())
                .query(rs -> {
                    byPerson.computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>())
                            .add(new NetworkIdentity(NetworkIdentityType.valueOf(rs.getString("identity_type")), rs.getString("identity_value")));
                });
        return people.stream().map(p -> new Person(p.id(), p.kind(), p.legalFirstName(), p.legalLastName(),
                p.preferredFirstName(), p.admissionNumber(), p.upn(), p.dateOfBirth(), p.yearGroup(),
                p.registrationClass(), p.staffCode(), p.jobTitle(), p.staffRole(), p.email(), p.startDate(),
                p.leavingDate(), p.accountId(), p.internetAccess(), p.createdAt(), p.updatedAt(),
                List.copyOf(byPerson.getOrDefault(p.id(), List.of())))).toList();
    }

    private static Person mapPerson(ResultSet rs, int n) throws SQLException {
        String year = rs.getString("year_group");
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        return new Person(rs.getLong("id"), PersonKind.valueOf(rs.getString("kind")),
                rs.getString("legal_first_name"), rs.getString("legal_last_name"), rs.getString("preferred_first_name"),
                rs.getString("admission_number"), rs.getString("upn"), rs.getObject("date_of_birth", LocalDate.class),
                year == null ? null : YearGroup.ofCode(year), rs.getString("registration_class"),
                rs.getString("staff_code"), rs.getString("job_title"), rs.getString("staff_role"), rs.getString("email"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("leaving_date", LocalDate.class), accountId,
                rs.getBoolean("internet_access"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), List.of());
    }
}
