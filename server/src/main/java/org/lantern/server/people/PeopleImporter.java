package org.lantern.server.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.lantern.server.people.ImportPlan.FieldChange;
import org.lantern.server.people.ImportPlan.PlannedChange;
import org.lantern.server.people.ImportPlan.PlannedLeaver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the directory in line with an MIS export. {@link #plan} is the dry run and changes
 * nothing; {@link #apply} recomputes the plan and carries it out in one transaction, refusing a
 * file with errors unless the caller chose to apply only the valid rows, records the import, and
 * then runs the starters and leavers job so access follows the new data at once.
 *
 * <p>A row matches a known person by UPN, else admission number, else staff code; a row with none
 * of those (governors, visitors) matches by proxy username. A
 * value in the row that belongs to someone other than the matched person refuses the row. In a full-roll import, people of
 * the kinds the file lists who are no longer in it become leavers as of today.
 */
@Service
public class PeopleImporter {

    private final JdbcClient jdbc;
    private final People people;
    private final StartersAndLeavers startersAndLeavers;
    private final ApplicationEventPublisher events;

    PeopleImporter(JdbcClient jdbc, People people, StartersAndLeavers startersAndLeavers,
                   ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.startersAndLeavers = startersAndLeavers;
        this.events = events;
    }

    /** The dry run: what importing this file would do. Reads only. */
    @Transactional(readOnly = true)
    public ImportPlan plan(byte[] content, String fileName, boolean fullRoll) {
        LocalDate today = People.today();
        ParsedFile parsed = new MisCsvParser(today).parse(content);
        List<Person> known = people.all();
        Index index = new Index(known);
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<ImportRow> adds = new ArrayList<>();
        List<PlannedChange> changes = new ArrayList<>();
        Map<Long, PlannedLeaver> leavers = new HashMap<>();
        int unchanged = 0;
        for (ImportRow row : parsed.rows()) {
            Optional<Person> match = index.match(row);
            List<RowError> conflicts = index.conflicts(row, match.map(Person::id).orElse(null));
            if (!conflicts.isEmpty()) {
                errors.addAll(conflicts);
                continue;
            }
            if (match.isEmpty()) {
                adds.add(row);
                continue;
            }
            Person person = match.get();
            List<FieldChange> fields = differences(person, row, parsed.columns());
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                changes.add(new PlannedChange(person.id(), person.displayName(), row.row(), fields, row));
            }
            if (row.leavingDate() != null && !row.leavingDate().equals(person.leavingDate())) {
                leavers.put(person.id(), new PlannedLeaver(person.id(), person.displayName(), person.kind(),
                        row.leavingDate(), "leaving date in file"));
            }
        }
        if (fullRoll) {
            Set<PersonKind> kinds = EnumSet.noneOf(PersonKind.class);
            parsed.rows().forEach(r -> kinds.add(r.kind()));
            for (Person person : known) {
                if (kinds.contains(person.kind()) && !person.hasLeft(today) && !leavers.containsKey(person.id())
                        && Index.keys(person).stream().noneMatch(parsed.keysSeen()::contains)) {
                    leavers.put(person.id(), new PlannedLeaver(person.id(), person.displayName(), person.kind(), today,
                            "missing from full-roll import"));
                }
            }
        }
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new ImportPlan(fileName, fullRoll, parsed.rowsRead(), parsed.columns(), List.copyOf(adds), List.copyOf(changes),
                List.copyOf(leavers.values()), List.copyOf(errors), unchanged);
    }

    /**
     * Applies the file. Throws {@link ImportHasErrorsException} (changing nothing) when any row is
     * refused and {@code validRowsOnly} is false.
     */
    @Transactional
    public ImportResult apply(byte[] content, String fileName, boolean fullRoll, boolean validRowsOnly, String actor) {
        ImportPlan plan = plan(content, fileName, fullRoll);
        if (plan.hasErrors() && !validRowsOnly) {
            throw new ImportHasErrorsException(plan.rejectedRows());
        }
        OffsetDateTime now = People.now();
        Set<Long> touched = new HashSet<>();
        for (ImportRow row : plan.adds()) {
            touched.add(insert(row, now));
        }
        Map<Long, Person> byId = new HashMap<>();
        people.all().forEach(p -> byId.put(p.id(), p));
        for (PlannedChange change : plan.changes()) {
            update(byId.get(change.personId()), change.source(), plan.columns(), now);
            touched.add(change.personId());
        }
        for (PlannedLeaver leaver : plan.leavers()) {
            if (leaver.why().startsWith("missing")) {
                jdbc.sql("UPDATE person SET leaving_date = :date, leaver_processed_at = NULL, updated_at = :now WHERE id = :id")
                        .param("date", leaver.leavingDate()).param("now", now).param("id", leaver.personId()).update();
            }
            touched.add(leaver.personId());
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO people_import (imported_by, imported_at, file_name, full_roll, valid_only, rows_read, "
                        + "added, changed, leavers, rejected) VALUES (:by, :at, :file, :full, :validOnly, :rows, :added, "
                        + ":changed, :leavers, :rejected)")
                .param("by", actor).param("at", now).param("file", truncate(fileName, 255)).param("full", fullRoll)
                .param("validOnly", validRowsOnly).param("rows", plan.rowsRead()).param("added", plan.adds().size())
                .param("changed", plan.changes().size()).param("leavers", plan.leavers().size())
                .param("rejected", plan.rejectedRows())
                .update(key, "id");
        StartersAndLeavers.Outcome access = startersAndLeavers.processDue(People.today());
        if (!touched.isEmpty()) {
            events.publishEvent(new PeopleChanged(touched, "import of " + fileName + " by " + actor));
        }
        return new ImportResult(key.getKey().longValue(), fileName, plan.rowsRead(), plan.adds().size(),
                plan.changes().size(), plan.leavers().size(), plan.rejectedRows(), access);
    }

    /** Past imports, newest first. */
    public List<ImportRecord> history(int limit) {
        return jdbc.sql("SELECT * FROM people_import ORDER BY imported_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new ImportRecord(rs.getLong("id"), rs.getString("imported_by"),
                        People.inSchoolZone(rs.getObject("imported_at", OffsetDateTime.class)), rs.getString("file_name"),
                        rs.getBoolean("full_roll"), rs.getBoolean("valid_only"), rs.getInt("rows_read"),
                        rs.getInt("added"), rs.getInt("changed"), rs.getInt("leavers"), rs.getInt("rejected")))
                .list();
    }

    private static String truncate(String text, int max) {
        String value = text == null || text.isBlank() ? "(unnamed)" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }

    private long insert(ImportRow row, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, preferred_first_name, admission_number, "
                        + "upn, date_of_birth, year_group, registration_class, staff_code, job_title, staff_role, email, "
                        + "start_date, leaving_date, internet_access, created_at, updated_at) VALUES (:kind, :first, :last, "
                        + ":preferred, :adno, :upn, :dob, :year, :reg, :staffCode, :jobTitle, :role, :email, :start, "
                        + ":leaving, FALSE, :now, :now)")
                .params(personParams(row.kind(), row.legalFirstName(), row.legalLastName(), row.preferredFirstName(),
                        row.admissionNumber(), row.upn(), row.dateOfBirth(), row.yearGroup(), row.registrationClass(),
                        row.staffCode(), row.jobTitle(), row.staffRole(), row.email(), row.startDate(), row.leavingDate()))
                .param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        setIdentity(id, NetworkIdentityType.PROXY_USERNAME, row.proxyUsername());
        setIdentity(id, NetworkIdentityType.DEVICE_IP, row.deviceIp());
        setIdentity(id, NetworkIdentityType.DEVICE_MAC, row.deviceMac());
        return id;
    }

    private void update(Person p, ImportRow row, Set<MisColumn> columns, OffsetDateTime now) {
        Merge m = new Merge(columns);
        LocalDate leaving = m.pick(MisColumn.LEAVING_DATE, p.leavingDate(), row.leavingDate());
        jdbc.sql("UPDATE person SET kind = :kind, legal_first_name = :first, legal_last_name = :last, "
                        + "preferred_first_name = :preferred, admission_number = :adno, upn = :upn, date_of_birth = :dob, "
                        + "year_group = :year, registration_class = :reg, staff_code = :staffCode, job_title = :jobTitle, "
                        + "staff_role = :role, email = :email, start_date = :start, leaving_date = :leaving, "
                        + "leaver_processed_at = CASE WHEN :leavingChanged THEN NULL ELSE leaver_processed_at END, "
                        + "updated_at = :now WHERE id = :id")
                .params(personParams(row.kind(), row.legalFirstName(), row.legalLastName(),
                        m.pick(MisColumn.PREFERRED_FORENAME, p.preferredFirstName(), row.preferredFirstName()),
                        m.pick(MisColumn.ADMISSION_NUMBER, p.admissionNumber(), row.admissionNumber()),
                        m.pick(MisColumn.UPN, p.upn(), row.upn()),
                        m.pick(MisColumn.DATE_OF_BIRTH, p.dateOfBirth(), row.dateOfBirth()),
                        m.pick(MisColumn.YEAR, p.yearGroup(), row.yearGroup()),
                        m.pick(MisColumn.REG_GROUP, p.registrationClass(), row.registrationClass()),
                        m.pick(MisColumn.STAFF_CODE, p.staffCode(), row.staffCode()),
                        m.pick(MisColumn.JOB_TITLE, p.jobTitle(), row.jobTitle()),
                        m.pick(MisColumn.ROLE, p.staffRole(), row.staffRole()),
                        m.pick(MisColumn.EMAIL, p.email(), row.email()),
                        m.pick(MisColumn.START_DATE, p.startDate(), row.startDate()), leaving))
                .param("leavingChanged", !Objects.equals(leaving, p.leavingDate()))
                .param("now", now).param("id", p.id())
                .update();
        replaceIdentity(p, NetworkIdentityType.PROXY_USERNAME, row.proxyUsername());
        replaceIdentity(p, NetworkIdentityType.DEVICE_IP, row.deviceIp());
        replaceIdentity(p, NetworkIdentityType.DEVICE_MAC, row.deviceMac());
    }

    private static Map<String, Object> personParams(PersonKind kind, String first, String last, String preferred,
                                                    String adno, String upn, LocalDate dob, YearGroup year, String reg,
                                                    String staffCode, String jobTitle, String role, String email,
                                                    LocalDate start, LocalDate leaving) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.name());
        params.put("first", first);
        params.put("last", last);
        params.put("preferred", preferred);
        params.put("adno", adno);
        params.put("upn", upn);
        params.put("dob", dob);
        params.put("year", year == null ? null : year.code());
        params.put("reg", reg);
        params.put("staffCode", staffCode);
        params.put("jobTitle", jobTitle);
        params.put("role", role);
        params.put("email", email);
        params.put("start", start);
        params.put("leaving", leaving);
        return params;
    }

    private void replaceIdentity(Person person, NetworkIdentityType type, String value) {
        if (value == null || person.networkIdentities().contains(new NetworkIdentity(type, value))) {
            return;
        }
        jdbc.sql("DELETE FROM network_identity WHERE person_id = :id AND identity_type = :type")
                .param("id", person.id()).param("type", type.name()).update();
        setIdentity(person.id(), type, value);
    }

    private void setIdentity(long personId, NetworkIdentityType type, String value) {
        if (value != null) {
            jdbc.sql("INSERT INTO network_identity (person_id, identity_type, identity_value) VALUES (:id, :type, :value)")
                    .param("id", personId).param("type", type.name()).param("value", value).update();
        }
    }

    /** An absent column keeps the stored value; a present but empty cell clears it. */
    private record Merge(Set<MisColumn> columns) {
        <T> T pick(MisColumn column, T stored, T fromFile) {
            return columns.contains(column) ? fromFile : stored;
        }
    }

    private static List<FieldChange> differences(Person p, ImportRow row, Set<MisColumn> columns) {
        List<FieldChange> changes = new ArrayList<>();
        Merge m = new Merge(columns);
        diff(changes, "Type", p.kind(), row.kind(), PersonKind::label);
        diff(changes, "Legal forename", p.legalFirstName(), row.legalFirstName(), Function.identity());
        diff(changes, "Legal surname", p.legalLastName(), row.legalLastName(), Function.identity());
        diff(changes, "Preferred forename", p.preferredFirstName(),
                m.pick(MisColumn.PREFERRED_FORENAME, p.preferredFirstName(), row.preferredFirstName()), Function.identity());
        diff(changes, "Admission number", p.admissionNumber(),
                m.pick(MisColumn.ADMISSION_NUMBER, p.admissionNumber(), row.admissionNumber()), Function.identity());
        diff(changes, "UPN", p.upn(), m.pick(MisColumn.UPN, p.upn(), row.upn()), Function.identity());
        diff(changes, "Date of birth", p.dateOfBirth(),
                m.pick(MisColumn.DATE_OF_BIRTH, p.dateOfBirth(), row.dateOfBirth()), LocalDate::toString);
        diff(changes, "Year group", p.yearGroup(), m.pick(MisColumn.YEAR, p.yearGroup(), row.yearGroup()), YearGroup::label);
        diff(changes, "Reg group", p.registrationClass(),
                m.pick(MisColumn.REG_GROUP, p.registrationClass(), row.registrationClass()), Function.identity());
        diff(changes, "Staff code", p.staffCode(), m.pick(MisColumn.STAFF_CODE, p.staffCode(), row.staffCode()),
                Function.identity());
        diff(changes, "Job title", p.jobTitle(), m.pick(MisColumn.JOB_TITLE, p.jobTitle(), row.jobTitle()),
                Function.identity());
        diff(changes, "Role", p.staffRole(), m.pick(MisColumn.ROLE, p.staffRole(), row.staffRole()), Function.identity());
        diff(changes, "Email", p.email(), m.pick(MisColumn.EMAIL, p.email(), row.email()), Function.identity());
        diff(changes, "Start date", p.startDate(), m.pick(MisColumn.START_DATE, p.startDate(), row.startDate()),
                LocalDate::toString);
        diff(changes, "Leaving date", p.leavingDate(),
                m.pick(MisColumn.LEAVING_DATE, p.leavingDate(), row.leavingDate()), LocalDate::toString);
        identityDiff(changes, "Proxy username", p, NetworkIdentityType.PROXY_USERNAME, row.proxyUsername());
        identityDiff(changes, "Device IP", p, NetworkIdentityType.DEVICE_IP, row.deviceIp());
        identityDiff(changes, "Device MAC", p, NetworkIdentityType.DEVICE_MAC, row.deviceMac());
        return changes;
    }

    private static <T> void diff(List<FieldChange> changes, String field, T old, T neu, Function<T, String> show) {
        if (!Objects.equals(old, neu)) {
            changes.add(new FieldChange(field, old == null ? "" : show.apply(old), neu == null ? "" : show.apply(neu)));
        }
    }

    private static void identityDiff(List<FieldChange> changes, String field, Person p, NetworkIdentityType type,
                                     String value) {
        if (value == null) {
            return;
        }
        List<String> current = p.networkIdentities().stream().filter(n -> n.type() == type)
                .map(NetworkIdentity::value).toList();
        if (!current.contains(value)) {
            changes.add(new FieldChange(field, String.join(", ", current), value));
        }
    }

    /** Known people by each matching key, and who owns each unique value. */
    private static final class Index {
        private final Map<String, Person> byKey = new HashMap<>();

        Index(List<Person> known) {
            for (Person p : known) {
                for (String key : keys(p)) {
                    byKey.put(key, p);
                }
                for (NetworkIdentity n : p.networkIdentities()) {
                    byKey.put(identityKey(n.type(), n.value()), p);
                }
            }
        }

        static Set<String> keys(Person p) {
            Set<String> keys = new HashSet<>();
            if (p.upn() != null) {
                keys.add("upn:" + p.upn());
            }
            if (p.admissionNumber() != null) {
                keys.add("adno:" + p.admissionNumber());
            }
            if (p.staffCode() != null) {
                keys.add("staff:" + p.staffCode());
            }
            if (p.proxyUsername() != null) {
                keys.add("proxy:" + p.proxyUsername());
            }
            return keys;
        }

        private static String identityKey(NetworkIdentityType type, String value) {
            return type == NetworkIdentityType.PROXY_USERNAME ? "proxy:" + value
                    : type.name().toLowerCase(Locale.ROOT) + ":" + value;
        }

        /**
         * The first of UPN, admission number and staff code that finds someone; proxy username only
         * for rows with none of those, so a new pupil whose username clashes is refused, not merged.
         */
        Optional<Person> match(ImportRow row) {
            boolean hasSchoolKey = row.upn() != null || row.admissionNumber() != null || row.staffCode() != null;
            return Stream.of(row.upn() == null ? null : "upn:" + row.upn(),
                            row.admissionNumber() == null ? null : "adno:" + row.admissionNumber(),
                            row.staffCode() == null ? null : "staff:" + row.staffCode(),
                            hasSchoolKey || row.proxyUsername() == null ? null : "proxy:" + row.proxyUsername())
                    .filter(Objects::nonNull)
                    .map(byKey::get)
                    .filter(Objects::nonNull)
                    .findFirst();
        }

        /** Unique values in the row that already belong to someone other than the matched person. */
        List<RowError> conflicts(ImportRow row, Long matchedId) {
            List<RowError> errors = new ArrayList<>();
            check(errors, row, matchedId, MisColumn.UPN, row.upn() == null ? null : "upn:" + row.upn(), row.upn());
            check(errors, row, matchedId, MisColumn.ADMISSION_NUMBER,
                    row.admissionNumber() == null ? null : "adno:" + row.admissionNumber(), row.admissionNumber());
            check(errors, row, matchedId, MisColumn.STAFF_CODE,
                    row.staffCode() == null ? null : "staff:" + row.staffCode(), row.staffCode());
            check(errors, row, matchedId, MisColumn.PROXY_USERNAME, row.proxyUsername() == null ? null
                    : identityKey(NetworkIdentityType.PROXY_USERNAME, row.proxyUsername()), row.proxyUsername());
            check(errors, row, matchedId, MisColumn.DEVICE_IP, row.deviceIp() == null ? null
                    : identityKey(NetworkIdentityType.DEVICE_IP, row.deviceIp()), row.deviceIp());
            check(errors, row, matchedId, MisColumn.DEVICE_MAC, row.deviceMac() == null ? null
                    : identityKey(NetworkIdentityType.DEVICE_MAC, row.deviceMac()), row.deviceMac());
            return errors;
        }

        private void check(List<RowError> errors, ImportRow row, Long matchedId, MisColumn column, String key,
                           String value) {
            if (key == null) {
                return;
            }
            Person owner = byKey.get(key);
            if (owner != null && !Long.valueOf(owner.id()).equals(matchedId)) {
                errors.add(new RowError(row.row(), column.label(), value,
                        "already belongs to another person in the directory (id " + owner.id() + ")"));
            }
        }
    }
}
