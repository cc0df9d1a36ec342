package org.lantern.server.demo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.demo.DemoIncidents.Planned;
import org.lantern.server.identity.Accounts;
import org.lantern.server.incidents.IncidentCategories;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo school a made-up term of records, so that every page has something to show: the
 * incidents of {@link DemoTerm} with their actions, a pupil's own report, alerts, attempts to get
 * round the filter, two data breaches and a subject access request, each record worked as a
 * case ({@link DemoCases}), a term of agreements and photo consents ({@link DemoAgreements}, {@link DemoConsents}), and a
 * term of web activity in the activity log ({@link DemoActivity}). Everything is made through the
 * features' own services, so it is checked, audited and shaped exactly as a school's records
 * would be, and then put at its time in the story ({@link Backdating}).
 *
 * <p>Once only: seeding ends with an audit-chain entry ({@value #ACTION}), in the same transaction
 * as the records, and a start that finds it adds no records. The activity log is not in that
 * transaction, so such a start hands the story again to {@link DemoActivity}, which adds only the
 * school days a start that stopped part-way left out (the alerts' own requests, logged just after
 * the commit, are not told again). The choices come from a fixed seed and
 * the times are relative to the start, so the same story is told whenever the demo is first run.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoRecords {

    static final String ACTION = "demo.records-seeded";
    static final String RECORD_TYPE = "demo";
    static final String RECORD_ID = "school-records";
    private static final long SEED = 20_250_901L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(DemoRecords.class);

    private final People people;
    private final Accounts accounts;
    private final DemoIncidents incidents;
    private final DemoTraffic traffic;
    private final DemoDataProtection dataProtection;
    private final DemoCases cases;
    private final DemoActivity activity;
    private final List<DemoRegister> registers;
    private final DemoSafeguarding safeguarding;
    private final AuditChain audit;
    private final IncidentCategories categories;
    private final TransactionTemplate transaction;

    DemoRecords(People people, Accounts accounts, DemoIncidents incidents, DemoTraffic traffic,
                DemoDataProtection dataProtection, DemoCases cases, DemoActivity activity, List<DemoRegister> registers,
                DemoSafeguarding safeguarding, AuditChain audit, IncidentCategories categories,
                PlatformTransactionManager transactions) {
        this.people = people;
        this.accounts = accounts;
        this.incidents = incidents;
        this.traffic = traffic;
        this.dataProtection = dataProtection;
        this.cases = cases;
        this.activity = activity;
        this.registers = List.copyOf(registers);
        this.safeguarding = safeguarding;
        this.audit = audit;
        this.categories = categories;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The story as far as it was told in the database, and what the bypass register still needs from it. */
    private record Told(DemoTerm term, DemoCast cast, int incidents, String story, List<DemoActivity.Request> alerted) {
    }

    /**
     * Seeds the records unless an earlier start did.
     *
     * @return how many incidents were seeded; 0 if the demo school already had its records
     */
    int seedOnce() {
        List<AuditEntry> seeded = audit.entriesFor(RECORD_TYPE, RECORD_ID);
        if (!seeded.isEmpty()) {
            resumeActivity(seeded.getFirst());
            return 0;
        }
        return seed(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The activity of the story {@code seeded} recorded, planned again from the same seed as of its time. */
    private void resumeActivity(AuditEntry seeded) {
        Random random = new Random(SEED);
        DemoCalendar calendar = new DemoCalendar(seeded.recordedAt().atOffset(ZoneOffset.UTC), random);
        DemoCast cast = DemoCast.of(people, accounts, random, calendar.today());
        activity.seed(DemoTerm.plan(cast, calendar, random), calendar, story(seeded));
    }

    /**
     * Which telling of the story a batch of activity belongs to: part of the digest of the entry
     * that recorded it, so a restart finds its own batches, and a demo seeded afresh into a store
     * that outlived its database (as test contexts share one) adds its own.
     */
    private static String story(AuditEntry seeded) {
        return seeded.digest().substring(0, 16);
    }

    /** Seeds the records as if it were {@code seededAt}, which must not be in the future. */
    int seed(OffsetDateTime seededAt) {
        Random random = new Random(SEED);
        DemoCalendar calendar = new DemoCalendar(seededAt, random);
        Told told = transaction.execute(status -> {
            DemoCast cast = DemoCast.of(people, accounts, random, calendar.today());
            DemoTerm term = DemoTerm.plan(cast, calendar, random);
            List<String> missing = term.incidents().stream().map(Planned::incident)
                    .filter(i -> categories.find(i.type(), i.subjectType() == null ? SubjectType.PUPIL : i.subjectType(),
                            i.categoryId()).isEmpty())
                    .map(NewIncident::categoryId).distinct().toList();
            if (!missing.isEmpty()) {
                LOG.warn("The demo school's records are written for the astley-park policy preset; the policy in force has no "
                        + "categories {}, so none were added", missing);
                return null;
            }
            for (Planned planned : term.incidents()) {
                incidents.record(planned, cast, calendar, random, seededAt);
            }
            incidents.concernReported(term.pupilReport(), cast, calendar, seededAt);
            List<DemoActivity.Request> alerted = traffic.alerts(term, cast, calendar);
            dataProtection.seed(term, cast, calendar);
            cases.seed(cast, calendar, seededAt);
            registers.forEach(register -> register.seed(calendar));
            int count = term.incidents().size() + 1;
            AuditEntry entry = audit.append(DemoSchoolLoader.ACTOR, ACTION, RECORD_TYPE, RECORD_ID, json(count));
            return new Told(term, cast, count, story(entry), alerted);
        });
        if (told == null) {
            return 0;
        }
        // The register writes on its own thread and commits on its own, so only once the records are in.
        traffic.bypassAttempts(told.term(), told.cast(), calendar, random);
        activity.alerted(told.story(), told.alerted());
        activity.seed(told.term(), calendar, told.story());
        safeguarding.triage(told.cast(), calendar);
        return told.incidents();
    }

    private static String json(int incidents) {
        try {
            return JSON.writeValueAsString(Map.of("incidents", incidents,
                    "note", "made-up records for the demo school; times are as the story tells them"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of a number and a string always serialises", e);
        }
    }
}
