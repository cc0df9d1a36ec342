package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.lantern.server.incidents.IncidentService.blankToNull;
import static org.lantern.server.incidents.IncidentService.json;
import static org.lantern.server.incidents.IncidentService.sha256;

/**
 * Records a concern or misuse, checked in full first ({@link RecordCheck}): the people in their
 * roles, the category's actions for the people they concern (a sanction for each misuser, a
 * concern's step for each child at risk or once for the record), escalation of a misuser's
 * continued infringements and the illegal-material path. The free text is audited by its SHA-256
 * only, so the audit proves the words were not changed without keeping a second copy of them.
 */
@Component
class IncidentRecorder {

    private final JdbcClient jdbc;
    private final People people;
    private final IncidentCategories categories;
    private final IncidentActions actions;
    private final IncidentStore store;
    private final AuditChain audit;
    private final IncidentRules rules;
    private final Escalation escalation;
    private final MonitoringHalt monitoringHalt;
    private final ApplicationEventPublisher events;

    IncidentRecorder(JdbcClient jdbc, People people, IncidentCategories categories, IncidentActions actions,
                     IncidentStore store, AuditChain audit, IncidentRules rules, Escalation escalation,
                     MonitoringHalt monitoringHalt, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.categories = categories;
        this.actions = actions;
        this.store = store;
        this.audit = audit;
        this.rules = rules;
        this.escalation = escalation;
        this.monitoringHalt = monitoringHalt;
        this.events = events;
    }

    @Transactional
    Incident record(NewIncident in, Viewer recorder) {
        RecordCheck.Checked checked = new RecordCheck(people, categories).check(in);
        IncidentCategory chosen = checked.category();
        Optional<IncidentCategory> sanction = checked.sanction();
        boolean illegal = in.suspectedIllegal() || chosen.concernsIllegalMaterial()
                || sanction.map(IncidentCategory::concernsIllegalMaterial).orElse(false);
        RecordKind kind = illegal ? RecordKind.CHILD_PROTECTION : in.recordKind();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incident (incident_type, subject_type, category_id, category_text, sanction_id, sanction_text, "
                        + "occurred_at, location, description, child_words, recorded_by_account, recorded_by, recorded_at, "
                        + "record_kind, source, illegal_path) VALUES (:type, :subject, :category, :text, :sanction, "
                        + ":sanctionText, :occurred, :location, :description, :words, :account, :by, :now, :kind, 'STAFF', "
                        + ":illegal)")
                .param("type", in.type().name()).param("subject", checked.subject().name())
                .param("category", chosen.id()).param("text", chosen.text())
                .param("sanction", sanction.map(IncidentCategory::id).orElse(null))
                .param("sanctionText", sanction.map(IncidentCategory::text).orElse(null))
                .param("occurred", in.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
                .param("location", blankToNull(in.location())).param("description", in.description().strip())
                .param("words", blankToNull(in.childWords())).param("account", recorder.accountId())
                .param("by", recorder.username()).param("now", now).param("kind", kind.name())
                .param("illegal", illegal)
                .update(key, "id");
        long id = key.getKey().longValue();
        insertPeople(id, checked.roles());
        for (int i = 0; i < in.links().size(); i++) {
            jdbc.sql("INSERT INTO incident_link (incident_id, position, link) VALUES (:id, :pos, :link)")
                    .param("id", id).param("pos", i).param("link", in.links().get(i)).update();
        }
        Set<String> actionIds = new LinkedHashSet<>(actions.bring(id, chosen, checked.roles(), null));
        sanction.ifPresent(row -> actionIds.addAll(actions.bring(id, row, checked.roles(), null)));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", in.type().name());
        detail.put("subjectType", checked.subject().name());
        detail.put("categoryId", chosen.id());
        sanction.ifPresent(row -> detail.put("sanctionId", row.id()));
        detail.put("subjectIds", in.people().stream().map(NewIncident.Involved::personId).distinct().toList());
        detail.put("people", checked.roles().entrySet().stream().map(e -> Map.of("role", e.getKey().code(),
                "personIds", e.getValue())).toList());
        detail.put("occurredAt", in.occurredAt().toInstant().toString());
        detail.put("descriptionSha256", sha256(in.description().strip()));
        detail.put("childWordsSha256", sha256(blankToNull(in.childWords())));
        detail.put("locationSha256", sha256(blankToNull(in.location())));
        detail.put("linksSha256", sha256(String.join("\n", in.links())));
        detail.put("actions", List.copyOf(actionIds));
        detail.put("recordKind", kind.name());
        detail.put("illegalPath", illegal);
        audit.append(recorder.username(), "incident.recorded", RecordAccessLog.INCIDENT, Long.toString(id), json(detail));
        if (illegal) {
            monitoringHalt.halt(id, now, recorder.username());
        }
        if (kind == RecordKind.BEHAVIOUR) {
            escalate(id, checked.subject(), checked.roles().getOrDefault(PersonRole.MISUSER, List.of()), in.occurredAt(),
                    recorder.username());
        }
        events.publishEvent(new IncidentRecorded(id, in.links(), recorder));
        return store.load(id).orElseThrow();
    }

    private void insertPeople(long id, Map<PersonRole, List<Long>> roles) {
        roles.forEach((role, ids) -> ids.forEach(person -> jdbc.sql(
                        "INSERT INTO incident_subject (incident_id, person_id, role) VALUES (:id, :person, :role)")
                .param("id", id).param("person", person).param("role", role.name()).update()));
    }

    /**
     * Marks the incident escalated if, for any of its misusers, it is a further incident within the
     * escalation period of one where they were a misuser too, and gives each such misuser the
     * "Continued infringements" row's actions they do not have yet. Nobody else counts.
     */
    private void escalate(long id, SubjectType subject, List<Long> misusers, OffsetDateTime occurredAt, String actor) {
        Set<Long> earlier = new java.util.TreeSet<>();
        Map<Long, List<Long>> repeaters = new LinkedHashMap<>();
        for (long misuser : misusers) {
            List<Long> theirs = escalation.earlierIncidents(id, List.of(misuser), occurredAt);
            if (!theirs.isEmpty()) {
                repeaters.put(misuser, theirs);
                earlier.addAll(theirs);
            }
        }
        if (earlier.isEmpty()) {
            return;
        }
        for (long e : earlier) {
            jdbc.sql("INSERT INTO incident_escalation (incident_id, earlier_incident_id) VALUES (:id, :earlier)")
                    .param("id", id).param("earlier", e).update();
        }
        Incident incident = store.load(id).orElseThrow();
        Set<String> added = new LinkedHashSet<>();
        Optional<IncidentCategory> row = categories.continuedInfringements(subject);
        repeaters.forEach((misuser, theirs) -> {
            String reason = "Continued infringement: a further incident within " + rules.escalationPeriod().toDays()
                    + " days of incident " + String.join(", ", theirs.stream().map(String::valueOf).toList()) + ".";
            List<String> has = incident.actionsFor(misuser).stream().map(IncidentAction::columnId).toList();
            for (IncidentCategory.Step column : row.map(IncidentCategory::actions).orElse(List.of())) {
                if (!has.contains(column.id())) {
                    actions.insert(id, column.id(), column.text(), misuser, reason);
                    added.add(column.id());
                }
            }
        });
        audit.append(actor, "incident.escalated", RecordAccessLog.INCIDENT, Long.toString(id),
                json(Map.of("earlierIncidents", List.copyOf(earlier), "addedActions", List.copyOf(added))));
    }

    /** The checks a new record must pass, every problem named; nothing is stored unless all pass. */
    record RecordCheck(People people, IncidentCategories categories) {

        /**
         * A record that passed.
         *
         * @param subject  whose table applies to the misusers
         * @param category its category
         * @param sanction the table row for the misusers of a concern, if chosen
         * @param roles    the people's ids by role, each role's ids in the order given
         */
        record Checked(SubjectType subject, IncidentCategory category, Optional<IncidentCategory> sanction,
                       Map<PersonRole, List<Long>> roles) {
        }

        Checked check(NewIncident in) {
            List<String> problems = new ArrayList<>();
            Map<PersonRole, List<Long>> roles = new EnumMap<>(PersonRole.class);
            Map<Long, Person> found = new LinkedHashMap<>();
            for (NewIncident.Involved p : in.people().stream().distinct().toList()) {
                Optional<Person> person = found.containsKey(p.personId()) ? Optional.of(found.get(p.personId()))
                        : people.find(p.personId());
                if (person.isEmpty()) {
                    problems.add("There is no person with id " + p.personId() + ".");
                } else if (p.role() == null) {
                    problems.add("Give " + person.get().displayName() + " a role: at risk, misuser, witness or reporter.");
                } else {
                    found.put(p.personId(), person.get());
                    roles.computeIfAbsent(p.role(), r -> new ArrayList<>()).add(p.personId());
                }
            }
            if (in.people().isEmpty()) {
                problems.add("Choose at least one person involved.");
            }
            List<Long> atRisk = roles.getOrDefault(PersonRole.AT_RISK, List.of());
            List<Long> misusers = roles.getOrDefault(PersonRole.MISUSER, List.of());
            atRisk.stream().filter(misusers::contains).forEach(id -> problems.add(found.get(id).displayName()
                    + " cannot be both at risk and the misuser: a child at risk is never treated as an offender."));
            atRisk.stream().map(found::get).filter(p -> p.kind() != SubjectType.PUPIL.kind()).forEach(p -> problems.add(
                    p.displayName() + " is not a pupil: a child at risk is a pupil."));
            SubjectType subject = in.subjectType() != null ? in.subjectType()
                    : misusers.isEmpty() ? (in.type() == IncidentType.CONCERN ? SubjectType.PUPIL : null)
                    : SubjectType.of(found.get(misusers.getFirst()).kind()).orElse(null);
            if (subject == null && problems.isEmpty() && in.type() != null) {
                problems.add(in.type() == IncidentType.MISUSE && found.values().stream().allMatch(p -> SubjectType.of(p.kind()).isPresent())
                        ? "Misuse is by someone: add the person who misused, as misuser."
                        : "Incidents are about pupils or staff: choose a pupil or a member of staff.");
            }
            for (long id : misusers) {
                Person p = found.get(id);
                if (subject != null && p.kind() != subject.kind()) {
                    problems.add(p.displayName() + " is not " + (subject == SubjectType.PUPIL ? "a pupil" : "a member of staff")
                            + ": an incident is about pupils or about staff, not both.");
                }
            }
            Optional<IncidentCategory> category = Optional.empty();
            Optional<IncidentCategory> sanction = Optional.empty();
            if (in.type() == null) {
                problems.add("Choose whether this is a concern about a child or misuse.");
            } else if (in.type() == IncidentType.CONCERN) {
                category = in.categoryId() == null ? Optional.empty() : categories.find(IncidentType.CONCERN, subject, in.categoryId());
                if (category.isEmpty()) {
                    problems.add("Choose a concern from the school's safeguarding list.");
                }
                if (atRisk.isEmpty() && !in.people().isEmpty()) {
                    problems.add("A concern is about a child: add the child at risk.");
                }
                if (blankToNull(in.sanctionId()) != null && subject != null) {
                    sanction = categories.find(subject, in.sanctionId().strip());
                    if (sanction.isEmpty()) {
                        problems.add("Choose the misuser's sanction from the school's " + subject.label().toLowerCase(java.util.Locale.ROOT)
                                + " Actions / Sanctions table.");
                    } else if (misusers.isEmpty()) {
                        problems.add("A sanction applies only to a misuser: add the person who did it as misuser, "
                                + "or leave the sanction out.");
                    }
                }
            } else {
                if (subject != null) {
                    category = in.categoryId() == null ? Optional.empty() : categories.find(subject, in.categoryId());
                    if (category.isEmpty()) {
                        problems.add("Choose a category from the school's " + subject.label().toLowerCase(java.util.Locale.ROOT)
                                + " Actions / Sanctions table.");
                    }
                }
                if (!atRisk.isEmpty()) {
                    problems.add("A child at risk makes this a concern: record it as a concern about the child "
                            + "(a sanctions row can still apply to the misuser).");
                }
                if (blankToNull(in.sanctionId()) != null) {
                    problems.add("Misuse takes its sanctions row as its category: leave the separate sanction out.");
                }
            }
            if (in.recordKind() == null) {
                problems.add("Choose child protection or behaviour / online safety.");
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (in.occurredAt() == null) {
                problems.add("Say when it happened.");
            } else if (in.occurredAt().isAfter(now.plusMinutes(5))) {
                problems.add("When it happened cannot be in the future.");
            }
            IncidentService.requireText(problems, "What happened", in.description(), IncidentService.MAX_TEXT, true);
            IncidentService.requireText(problems, "The child's own words", in.childWords(), IncidentService.MAX_TEXT, false);
            IncidentService.requireText(problems, "Where", in.location(), IncidentService.MAX_LOCATION, false);
            if (in.links().size() > IncidentService.MAX_LINKS) {
                problems.add("Give at most " + IncidentService.MAX_LINKS + " links or devices.");
            }
            if (in.links().stream().anyMatch(l -> l.length() > IncidentService.MAX_LINK)) {
                problems.add("Each link or device must be at most " + IncidentService.MAX_LINK + " characters.");
            }
            if (!problems.isEmpty()) {
                throw new IncidentRejectedException(problems);
            }
            return new Checked(subject, category.orElseThrow(), sanction, roles);
        }
    }
}
