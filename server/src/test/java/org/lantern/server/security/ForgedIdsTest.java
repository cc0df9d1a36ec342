package org.lantern.server.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.monitor.library.Category;
import org.lantern.server.alerts.AlertFixtures;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.OnCallList;
import org.lantern.server.dataprotection.BreachRegister;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.dataprotection.SubjectAccessRequests;
import org.lantern.server.filtering.LocalLists;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.incidents.evidence.EvidenceService;
import org.lantern.server.monitoring.library.LibraryChanges;
import org.lantern.server.monitoring.library.MonitorEngine;
import org.lantern.server.people.People;
import org.lantern.server.registers.agreements.Acceptances;
import org.lantern.server.registers.cloud.CloudServices;
import org.lantern.server.registers.cloud.SoftwareLicences;
import org.lantern.server.registers.consents.Consent;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.registers.devices.Device;
import org.lantern.server.registers.devices.DeviceFields;
import org.lantern.server.registers.devices.Devices;
import org.lantern.server.registers.devices.Loans;
import org.lantern.server.registers.devices.NewLoan;
import org.lantern.server.registers.devices.PersonalDevices;
import org.lantern.server.registers.review.FilteringReview;
import org.lantern.server.registers.review.FilteringReviews;
import org.lantern.server.registers.review.ReviewAnswers;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.registers.training.Course;
import org.lantern.server.registers.training.TrainingCompletions;
import org.lantern.server.registers.training.TrainingCourses;
import org.lantern.server.retention.LegalHolds;
import org.lantern.server.retention.RetentionService;
import org.lantern.server.terms.TermDates;
import org.lantern.server.support.DatabaseState;
import org.lantern.server.support.LibraryTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TermTables;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.lantern.server.unblocking.UnblockDraft;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route that takes a record id, found from Spring's handler mappings (path variables, and
 * request parameters that name a record), asked for a record the caller may not see, for a record
 * under another record's address, and for ids that are not ids at all. A record one may not see
 * answers exactly as a missing one does (status and words, apart from the id itself), so no answer
 * tells whether a record exists; nothing changes in any table; a refused look at a safeguarding
 * record is written to {@code record_access} as denied; a missing record named in the address is 404,
 * forms included; an id in an API request's body that the route must refuse (an account that may
 * not take the part, a person on another record) answers as a missing one does; and nothing answers
 * 500. A new route with an id fails {@link #everyRouteWithAnIdIsCovered()} until it has a row in
 * {@link #specs()}.
 */
@PersistenceTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedIdsTest {

    /** An id that no table reaches. */
    static final String MISSING = "999999999";
    /** Ids that are not ids: words, negatives, too large for a long, an injection attempt. */
    static final List<String> GARBAGE = List.of("abc", "-1", "99999999999999999999", "1;drop");
    /** Path variables that choose a form or an action rather than a record. */
    static final Set<String> NOT_IDS = Set.of("side", "action",
            // a shipped log's name (a file identity), which the ingest token's holder chose
            "source",
            // a monitor library's category, the name of a fixed list (e.g. gambling), not a record
            "category",
            // a use a photo consent is given for (e.g. PRESS), one of a fixed list, not a record
            "use");
    /** Request parameters that page, filter or name a column of a table rather than a record. */
    static final Set<String> NOT_ID_PARAMS = Set.of("page", "size", "limit", "year", "columnId",
            // a row of the policy's Actions / Sanctions table a loss is recorded under
            "categoryId",
            // where a stretch of a shipped log starts (a byte offset and a line number), and how long
            // a line too long to send is
            "start", "line", "overlong",
            // the school year a filtering review is started for
            "schoolYear");

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    IncidentService incidents;
    @Autowired
    EvidenceService evidence;
    @Autowired
    SubjectAccessRequests subjectAccess;
    @Autowired
    BreachRegister breaches;
    @Autowired
    Unblocks unblocks;
    @Autowired
    AlertRegister alerts;
    @Autowired
    LocalLists lists;
    @Autowired
    RetentionService retention;
    @Autowired
    LegalHolds holds;
    @Autowired
    Devices devices;
    @Autowired
    Loans loans;
    @Autowired
    PersonalDevices personalDevices;
    @Autowired
    Consents consents;
    @Autowired
    Acceptances acceptances;
    @Autowired
    Publications publications;
    @Autowired
    TrainingCourses courses;
    @Autowired
    TrainingCompletions completions;
    @Autowired
    CloudServices cloudServices;
    @Autowired
    SoftwareLicences licences;
    @Autowired
    OnCallList onCall;
    @Autowired
    TermDates termDates;
    @Autowired
    FilteringReviews reviews;
    @Autowired
    LibraryChanges libraryChanges;
    @Autowired
    MonitorEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The records the routes are asked about, by name: e.g. {@code A} is incident A's id. */
    private final Map<String, String> world = new HashMap<>();
    private final Map<Role, Authentication> users = new LinkedHashMap<>();
    private final Map<Role, Long> accountIds = new LinkedHashMap<>();
    private final Map<Role, String> apiTokens = new LinkedHashMap<>();

    /** How the request proves who sent it; API routes are tried both ways. */
    enum By { SESSION, TOKEN }

    /**
     * A record the route's caller may not see, and the roles that may see it (left out).
     *
     * @param vars   the route's variables, naming records of {@link #world} (e.g. {@code id=CP})
     * @param seers  roles that may see it
     */
    record Hidden(String vars, Set<Role> seers) {
    }

    /**
     * One route with an id, and what to ask it.
     *
     * @param key          {@code METHOD pattern} as Spring maps it
     * @param query        request parameters naming records, e.g. {@code ?personId={personId}}, or empty
     * @param actor        a role allowed on the route who sees every record of it: asks for missing,
     *                     cross-record and garbage ids
     * @param real         variables naming records the actor may see (for garbage in one variable at a time)
     * @param hidden       records some roles may not see
     * @param cross        variables naming two records that do not belong together, or null
     * @param foreign      the variable in {@code cross} that names the record from elsewhere
     * @param safeguarding whether a refused look must be written to {@code record_access}
     */
    record Spec(String key, String query, Role actor, String real, List<Hidden> hidden, String cross, String foreign,
                boolean safeguarding) {
        HttpMethod method() {
            return HttpMethod.valueOf(key.substring(0, key.indexOf(' ')));
        }

        /** The pattern without regular expressions, with the query: e.g. {@code /incidents/{id}/evidence/{evidenceId}}. */
        String template() {
            return key.substring(key.indexOf(' ') + 1).replaceAll("\\{(\\w+):[^}]*}", "{$1}") + query;
        }

        boolean api() {
            return key.contains(" /api/");
        }

        /** Whether the address names a record (rather than only a form's field). */
        boolean recordInPath() {
            Matcher m = Pattern.compile("\\{(\\w+)").matcher(key);
            while (m.find()) {
                if (!NOT_IDS.contains(m.group(1))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return method() + " " + template();
        }
    }

    @BeforeAll
    void records() {
        for (Role role : Role.values()) {
            String username = "forged." + role.name().toLowerCase();
            users.put(role, TestUsers.signedIn(accountService, accounts, username, role));
            accountIds.put(role, accounts.idOf(username).orElseThrow());
            apiTokens.put(role, tokens.create(username, "forged", 1, "test").token());
        }
        Viewer dsl = Viewer.of(users.get(Role.DSL));
        long p1 = TestPeople.pupil(jdbc, "Forged", TestPeople.unique("One"));
        long p2 = TestPeople.pupil(jdbc, "Forged", TestPeople.unique("Two"));
        world.put("p1", Long.toString(p1));
        world.put("p2", Long.toString(p2));
        incident("A", p1, RecordKind.BEHAVIOUR, dsl);
        incident("B", p2, RecordKind.BEHAVIOUR, dsl);
        incident("CP", p1, RecordKind.CHILD_PROTECTION, dsl);
        incident("CP2", p2, RecordKind.CHILD_PROTECTION, dsl);
        world.put("sar", Long.toString(subjectAccess.record(new SubjectAccessRequests.NewRequest("Forged Parent", "parent",
                p1, LocalDate.now(ZoneOffset.UTC), true, "passport seen"), "test").id()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        world.put("breach", Long.toString(breaches.record(new BreachRegister.NewBreach(now.minusDays(1), now.minusHours(1),
                "Forged breach", "names", 1), "test").id()));
        // A token of an account that none of the signed-in users is.
        String owner = "forged.owner";
        TestUsers.signedIn(accountService, accounts, owner, Role.STAFF);
        world.put("ownerAccount", Long.toString(accounts.idOf(owner).orElseThrow()));
        world.put("token", Long.toString(tokens.create(owner, "forged owner's", 1, "test").id()));
        world.put("unblock", Long.toString(unblocks.request(new UnblockDraft("https://forged-ids.example/", Scope.DOMAIN,
                List.of("ks4"), List.of(), "Forged ids fixture.", null, now.plus(Duration.ofDays(2)).toInstant()), owner,
                now.toInstant()).id()));
        world.put("version", "1");
        world.put("agreementVersion", Long.toString(jdbc.sql("SELECT MAX(id) FROM agreement_version WHERE audience = 'KS3'")
                .query(Long.class).single()));
        world.put("missing", MISSING);
        world.put("alert", Long.toString(alerts.record(AlertFixtures.illegal("http://forged-ids.invalid/", p1,
                "Forged One", "forged.one", "10.0.0.7", now.toInstant())).id()));
        world.put("exclusion", Integer.toString(libraryChanges.exclude(Category.GAMBLING, "online casino",
                "online casino forged ids project", "Forged ids fixture.", owner)));
        world.put("entry", Long.toString(lists.add(LocalLists.ListName.BLOCK, "forged-ids.example", owner,
                "Forged ids fixture.").id()));
        housekeeping(owner);
        devices(p1);
        registers(p1, owner);
    }

    /**
     * Pupil one's parents' paper agreement with its scan; pupil one's press consent with its scan, withdrawn after a publication so that a takedown is
     * due; a course and a member of staff's completion of it with a certificate; a cloud service
     * asked for; a software licence; and someone on the out-of-hours on-call list.
     */
    private void registers(long pupil, String owner) {
        LocalDate today = SchoolTime.today();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        Consent press = consents.record(pupil, new ConsentForm(PhotoUse.PRESS, true, "Forged Parent", null,
                today.minusDays(30), null), "forged.pdf", pdf, "test", Consents.Mode.EITHER);
        world.put("scan", Long.toString(press.evidenceId()));
        world.put("agreementScan", Long.toString(acceptances.recordPaper(pupil, jdbc.sql(
                        "SELECT MAX(id) FROM agreement_version WHERE audience = 'PARENTS'").query(Long.class).single(),
                today, "Forged Parent", "forged.pdf", pdf, "test").scanId()));
        world.put("publication", Long.toString(publications.record(new Publications.Draft(PhotoUse.PRESS,
                "Forged gazette", "Forged Gazette, page 4", today.minusDays(4), owner, Set.of(pupil)), "test").id()));
        world.put("takedown", Long.toString(consents.withdraw(pupil, Set.of(PhotoUse.PRESS), today.minusDays(1),
                "Forged Parent", "test").getFirst().id()));
        Course course = courses.create(new TrainingCourses.CourseForm(TestPeople.unique("FORGED_").toUpperCase(),
                "Forged course", 12, Set.of(Role.STAFF), false), "test");
        world.put("course", Long.toString(course.id()));
        long staff = TestPeople.person(jdbc, "STAFF", "Forged", TestPeople.unique("Trainee"));
        world.put("staff", Long.toString(staff));
        world.put("completion", Long.toString(completions.record(staff, course.id(), today.minusDays(3), "Forged",
                new TrainingCompletions.Certificate("forged.pdf", pdf), "test", today).id()));
        world.put("cloud", Long.toString(cloudServices.request(new CloudServices.Details(TestPeople.unique("Forged cloud "),
                "Forged ids fixture.", "names", false, false), owner).id()));
        world.put("licence", Long.toString(licences.create(new SoftwareLicences.Form("Forged product", "Forged supplier",
                TestPeople.unique("FORGED"), 5, today.plusYears(1)), "test").id()));
        world.put("onCall", Long.toString(onCall.add("Forged On-call", "forged.oncall@example.invalid", null, "test").id()));
        TermTables.clear(jdbc);
        world.put("term", Long.toString(termDates.addTerm("Forged term", "2095-09-01", "2095-10-01", "", "", "test").id()));
        world.put("closure", Long.toString(termDates.addClosure("INSET", "Forged INSET", "2095-09-02", "", "test").id()));
        FilteringReview review = reviews.latest().filter(r -> !r.complete()).orElse(null);
        if (review == null) {
            review = reviews.start(new SchoolYear(reviews.latest().map(r -> r.schoolYear() + 1).orElse(2025)),
                    new ReviewAnswers("", "", "", "", ""), "test");
            startedReview = review.id();
        }
        world.put("filteringReview", Long.toString(review.id()));
    }

    /** The filtering review this test started, if it did: one left unsigned would stop the next being started. */
    private Long startedReview;

    @AfterAll
    void shippedLibraries() {
        LibraryTables.clear(jdbc, engine);
    }

    @AfterAll
    void removeStartedReview() {
        if (startedReview != null) {
            jdbc.sql("DELETE FROM filtering_review WHERE id = :id").param("id", startedReview).update();
        }
        TermTables.clear(jdbc);
    }

    /** A device on loan to pupil one, one available, and a member of staff's phone on the personal-device register. */
    private void devices(long borrower) {
        Device lent = devices.create(new DeviceFields("laptop", "Forged", null, TestPeople.unique("FORGED"), null, null,
                null), "test");
        world.put("device", Long.toString(devices.create(new DeviceFields("tablet", "Forged", null,
                TestPeople.unique("FORGED"), null, null, null), "test").id()));
        world.put("loan", Long.toString(loans.lend(new NewLoan(lent.id(), borrower, loans.today(), loans.today().plusDays(7),
                "Good", "Forged One", true), "test").id()));
        world.put("personalDevice", Long.toString(personalDevices.register(TestPeople.person(jdbc, "STAFF", "Forged",
                TestPeople.unique("Phone")), "staff-owned", "Forged phone", "test").id()));
    }

    /** A record past its retention period on the review list, and a legal hold in force. */
    private void housekeeping(String owner) {
        long old = TestPeople.pupil(jdbc, "Forged", TestPeople.unique("Old"));
        jdbc.sql("UPDATE person SET leaving_date = :left WHERE id = :id")
                .param("left", LocalDate.of(2001, 7, 20)).param("id", old).update();
        retention.scan(People.today());
        world.put("review", Long.toString(retention.reviews().stream()
                .filter(r -> r.key().equals(Long.toString(old))).findFirst().orElseThrow().id()));
        world.put("hold", Long.toString(holds.place("PERSON", Long.parseLong(world.get("p2")),
                "Forged ids fixture.", owner).id()));
    }

    private void incident(String name, long pupil, RecordKind kind, Viewer recorder) {
        Incident incident = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Forged ids fixture.", null, List.of(), kind,
                false), recorder);
        world.put(name, Long.toString(incident.id()));
        world.put("a" + name, Long.toString(incident.actions().getFirst().id()));
        world.put("column" + name, jdbc.sql("SELECT column_id FROM incident_action WHERE id = :id")
                .param("id", incident.actions().getFirst().id()).query(String.class).single());
        world.put("e" + name, Long.toString(evidence.addDescription(incident.id(), "Forged ids evidence.", recorder,
                Channel.PAGE).id()));
    }

    // ---- The routes ----------------------------------------------------------------------------

    private static final Set<Role> CP_SEERS = EnumSet.of(Role.DSL, Role.DEPUTY_DSL);
    private static final Set<Role> ALL_SEERS = EnumSet.of(Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER);

    /** Roles holding every one of the permissions. */
    private static Set<Role> holding(Permission... permissions) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.permissions().containsAll(List.of(permissions))) {
                roles.add(role);
            }
        }
        return roles;
    }

    /**
     * An incident's route: the child-protection record hidden from all but the DSLs, the behaviour
     * record hidden from those who neither read every record nor recorded it.
     */
    private static Spec incident(String key, String query, String real, String cpVars, String cross, String foreign) {
        return new Spec(key, query, Role.DSL, real, List.of(new Hidden(cpVars, CP_SEERS), new Hidden(real, ALL_SEERS)),
                cross, foreign, true);
    }

    private static Spec incident(String key) {
        return incident(key, "", "id=A", "id=CP", null, null);
    }

    /** An incident's route that also names another record in a request parameter (web forms only). */
    private static Spec incident(String key, String param, String record) {
        return incident(key, "?" + param + "={" + param + "}", "id=A," + param + "=" + record,
                "id=CP," + param + "=" + record, null, null);
    }

    private static Spec action(String key) {
        return incident(key, "", "id=A,actionId=aA", "id=CP,actionId=aCP", "id=B,actionId=aA", "actionId");
    }

    private static Spec item(String key) {
        return incident(key, "", "id=A,evidenceId=eA", "id=CP,evidenceId=eCP", "id=B,evidenceId=eA", "evidenceId");
    }

    /** A route whose records are hidden only from roles without its permissions. */
    private static Spec plain(String key, Role actor, String real, Permission... permissions) {
        return new Spec(key, "", actor, real, List.of(new Hidden(real, holding(permissions))), null, null, false);
    }

    static List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        for (String prefix : List.of("/incidents/{id:\\d+}", "/api/v1/incidents/{id}")) {
            boolean api = prefix.startsWith("/api/");
            String action = api ? "{actionId}" : "{actionId:\\d+}";
            String item = api ? "{evidenceId}" : "{evidenceId:\\d+}";
            specs.add(incident("GET " + prefix));
            if (!api) {
                specs.add(incident("POST " + prefix + "/kind"));
            }
            for (String path : List.of("/raise", "/lower", "/case/status", "/case/priority", "/case/review",
                    "/category")) {
                specs.add(incident("POST " + prefix + path));
            }
            for (String verb : List.of("complete", "waive", "not-referred")) {
                specs.add(action("POST " + prefix + "/actions/" + action + "/" + verb));
            }
            if (api) {
                // The API takes the other records (owners, people, staff) in a JSON body.
                for (String path : List.of("/investigation", "/actions", "/case/owner")) {
                    specs.add(incident("POST " + prefix + path));
                }
                specs.add(action("POST " + prefix + "/actions/" + action + "/owner"));
            } else {
                specs.add(incident("POST " + prefix + "/investigation", "seniorStaff", "ownerAccount"));
                specs.add(incident("POST " + prefix + "/actions", "personId", "p1"));
                specs.add(incident("POST " + prefix + "/case/owner", "owner", "ownerAccount"));
                specs.add(incident("POST " + prefix + "/actions/" + action + "/owner", "?owner={owner}",
                        "id=A,actionId=aA,owner=ownerAccount", "id=CP,actionId=aCP,owner=ownerAccount",
                        "id=B,actionId=aA,owner=ownerAccount", "actionId"));
            }
            String evidence = prefix + "/evidence";
            specs.add(item("GET " + evidence + "/" + item));
            specs.add(item(api ? "GET " + evidence + "/" + item + "/content" : "GET " + evidence + "/" + item + "/download"));
            specs.add(incident("GET " + evidence + "/export"));
            if (api) {
                specs.add(incident("GET " + prefix + "/case"));
                specs.add(incident("GET " + evidence));
                specs.add(incident("POST " + evidence));
                specs.add(incident("POST " + evidence + "/files"));
            } else {
                specs.add(incident("POST " + evidence + "/link"));
                specs.add(incident("POST " + evidence + "/description"));
                specs.add(incident("POST " + evidence + "/upload"));
            }
        }
        for (String path : List.of("/chronology", "/chronology/print")) {
            specs.add(new Spec("GET /people/{id:\\d+}" + path, "", Role.DSL, "id=p1",
                    List.of(new Hidden("id=p1", holding(Permission.INCIDENT_READ_ALL))), null, null, true));
        }

        String sar = "/data-protection/subject-access/{id:\\d+}";
        for (String key : List.of("GET " + sar, "POST " + sar + "/identity", "POST " + sar + "/extension",
                "POST " + sar + "/status", "GET " + sar + "/export", "GET " + sar + "/export.json",
                "GET " + sar + "/export.pdf", "GET " + sar + "/export-activity.csv")) {
            specs.add(plain(key, Role.DSL, "id=sar", Permission.DATA_PROTECTION_MANAGE));
        }
        for (String path : List.of("", "/withdraw")) {
            // Another pupil's child-protection record is not this request's to release.
            specs.add(new Spec("POST " + sar + "/child-protection/{incidentId:\\d+}" + path, "", Role.DSL,
                    "id=sar,incidentId=CP", List.of(new Hidden("id=sar,incidentId=CP",
                            holding(Permission.DATA_PROTECTION_MANAGE, Permission.CHILD_PROTECTION_READ))),
                    "id=sar,incidentId=CP2", "incidentId", true));
        }
        String breach = "/data-protection/breaches/{id:\\d+}";
        for (String key : List.of("GET " + breach, "POST " + breach + "/decision", "POST " + breach + "/report",
                "POST " + breach + "/follow-up")) {
            specs.add(plain(key, Role.DSL, "id=breach", Permission.DATA_PROTECTION_MANAGE));
        }

        specs.add(plain("GET /people/{id:\\d+}", Role.ADMIN, "id=p1", Permission.PEOPLE_READ));
        specs.add(plain("GET /activity/people/{id:\\d+}/searches", Role.DSL, "id=p1", Permission.ACTIVITY_ACCESS_READ));
        specs.add(plain("GET /api/v1/people/{id}", Role.ADMIN, "id=p1", Permission.PEOPLE_READ));
        for (String path : List.of("/access", "/identities", "/identities/remove")) {
            specs.add(plain("POST /people/{id:\\d+}" + path, Role.ADMIN, "id=p1", Permission.PEOPLE_MANAGE));
        }
        for (String path : List.of("/groups", "/groups/remove")) {
            specs.add(plain("POST /people/{id:\\d+}" + path, Role.ADMIN, "id=p1", Permission.FILTER_NOMINATE));
        }
        specs.add(plain("POST /people/{id:\\d+}/access/restore", Role.ADMIN, "id=p1", Permission.NETWORK_ACCESS_RESTORE));

        specs.add(plain("GET /accounts/{id}", Role.ADMIN, "id=ownerAccount", Permission.ACCOUNTS_MANAGE));
        specs.add(plain("POST /accounts/{id}/{action}", Role.ADMIN, "id=ownerAccount,action=unlock",
                Permission.ACCOUNTS_MANAGE));
        for (String verb : List.of("revoke", "renew")) {
            // Anyone signed in manages their own tokens, and only those.
            specs.add(new Spec("POST /account/tokens/{id}/" + verb, "", Role.DSL, "id=token",
                    List.of(new Hidden("id=token", Set.of())), null, null, false));
        }

        specs.add(plain("GET /policy/history/{number}", Role.DSL, "number=version", Permission.POLICY_READ));
        specs.add(plain("POST /policy/history/{number}/restore", Role.DSL, "number=version", Permission.POLICY_EDIT));
        specs.add(plain("GET /api/v1/policy/versions/{number}", Role.DSL, "number=version", Permission.POLICY_READ));
        specs.add(new Spec("GET /policy/diff", "?from={from}&to={to}", Role.DSL, "from=version,to=version",
                List.of(new Hidden("from=version,to=version", holding(Permission.POLICY_READ))), null, null, false));

        specs.add(plain("GET /alerts/{id:\\d+}", Role.DSL, "id=alert", Permission.INCIDENT_READ_ALL));
        for (String path : List.of("/status", "/notes")) {
            specs.add(plain("POST /alerts/{id:\\d+}" + path, Role.DSL, "id=alert", Permission.INCIDENT_MANAGE));
            specs.add(plain("POST /api/v1/alerts/{id}" + path, Role.DSL, "id=alert", Permission.INCIDENT_MANAGE));
        }
        // The assignee is an account: one not on the DSL's team is refused as such, never assigned.
        specs.add(new Spec("POST /alerts/{id:\\d+}/assignee", "?assignee={assignee}", Role.DSL,
                "id=alert,assignee=ownerAccount", List.of(new Hidden("id=alert,assignee=ownerAccount",
                        holding(Permission.INCIDENT_MANAGE))), null, null, false));
        specs.add(plain("POST /api/v1/alerts/{id}/assignee", Role.DSL, "id=alert", Permission.INCIDENT_MANAGE));
        specs.add(plain("GET /alerts/people/{id:\\d+}", Role.DSL, "id=p1", Permission.INCIDENT_READ_ALL));
        specs.add(plain("POST /filtering/lists/{id}/remove", Role.ADMIN, "id=entry", Permission.FILTER_MANAGE));
        for (String verb : List.of("delete", "extend")) {
            specs.add(plain("POST /retention/{reviewId:\\d+}/" + verb, Role.DSL, "reviewId=review",
                    Permission.RETENTION_MANAGE));
        }
        specs.add(plain("POST /retention/holds/{holdId:\\d+}/lift", Role.DSL, "holdId=hold", Permission.RETENTION_MANAGE));
        // The number is typed into the form, so a missing one comes back to the form saying so.
        specs.add(new Spec("POST /retention/holds", "?targetType=PERSON&targetId={targetId}", Role.DSL, "targetId=p1",
                List.of(new Hidden("targetId=p1", holding(Permission.RETENTION_MANAGE))), null, null, false));
        for (String verb : List.of("grant", "refuse")) {
            specs.add(plain("POST /unblock/{id}/" + verb, Role.DSL, "id=unblock", Permission.UNBLOCK_APPROVE));
        }
        // The agreements register: a person's agreements, and a paper form naming the version signed.
        specs.add(plain("GET /registers/agreements/people/{id:\\d+}", Role.ADMIN, "id=p1", Permission.AGREEMENTS_READ));
        specs.add(new Spec("POST /registers/agreements/people/{id:\\d+}/paper", "?versionId={versionId}", Role.ADMIN,
                "id=p1,versionId=agreementVersion", List.of(new Hidden("id=p1,versionId=agreementVersion",
                        holding(Permission.AGREEMENTS_RECORD))), null, null, false));
        specs.add(plain("GET /registers/agreements/scans/{id:\\d+}", Role.OFFICE, "id=agreementScan",
                Permission.AGREEMENTS_READ));
        specs.add(new Spec("GET /api/v1/registers/agreements/acceptances", "?audience=KS3&version={version}", Role.ADMIN,
                "version=version", List.of(new Hidden("version=version", holding(Permission.AGREEMENTS_READ))), null,
                null, false));
        String agreementScansApi = "/api/v1/registers/agreements/people/{personId:\\d+}/scans";
        specs.add(plain("GET " + agreementScansApi, Role.OFFICE, "personId=p1", Permission.AGREEMENTS_READ));
        specs.add(new Spec("POST " + agreementScansApi, "?audience=PARENTS&version={version}", Role.OFFICE,
                "personId=p1,version=version", List.of(new Hidden("personId=p1,version=version",
                        holding(Permission.AGREEMENTS_RECORD))), null, null, false));
        specs.add(plain("GET /api/v1/registers/agreements/scans/{scanId:\\d+}", Role.OFFICE, "scanId=agreementScan",
                Permission.AGREEMENTS_READ));
        // The devices and loans register: a device, its loans and the borrower chosen on the form, a personal device.
        specs.add(plain("GET /registers/devices/{id:\\d+}", Role.OFFICE, "id=device", Permission.DEVICES_READ));
        specs.add(plain("POST /registers/devices/{id:\\d+}", Role.OFFICE, "id=device", Permission.DEVICES_MANAGE));
        specs.add(new Spec("POST /registers/devices/{id:\\d+}/lend", "?personId={personId}", Role.OFFICE,
                "id=device,personId=p1", List.of(new Hidden("id=device,personId=p1", holding(Permission.DEVICES_MANAGE))),
                null, null, false));
        specs.add(new Spec("POST /registers/devices/personal", "?personId={personId}", Role.OFFICE, "personId=p1",
                List.of(new Hidden("personId=p1", holding(Permission.DEVICES_MANAGE))), null, null, false));
        for (String method : List.of("GET", "POST")) {
            specs.add(plain(method + " /registers/devices/personal/{id:\\d+}", Role.OFFICE, "id=personalDevice",
                    Permission.DEVICES_MANAGE));
        }
        specs.add(plain("POST /registers/devices/personal/{id:\\d+}/remove", Role.OFFICE, "id=personalDevice",
                Permission.DEVICES_MANAGE));
        specs.add(plain("POST /api/v1/registers/devices/personal/{id}/remove", Role.OFFICE, "id=personalDevice",
                Permission.DEVICES_MANAGE));
        specs.add(plain("PUT /api/v1/registers/devices/personal/{id}", Role.OFFICE, "id=personalDevice",
                Permission.DEVICES_MANAGE));
        specs.add(plain("GET /registers/loans/{id:\\d+}", Role.OFFICE, "id=loan", Permission.DEVICES_READ));
        specs.add(plain("PUT /api/v1/registers/devices/{id}", Role.OFFICE, "id=device", Permission.DEVICES_MANAGE));
        for (String verb : List.of("return", "return-request", "loss")) {
            specs.add(plain("POST /registers/loans/{id:\\d+}/" + verb, Role.OFFICE, "id=loan", Permission.DEVICES_MANAGE));
            specs.add(plain("POST /api/v1/registers/loans/{loanId}/" + verb, Role.OFFICE, "loanId=loan",
                    Permission.DEVICES_MANAGE));
        }
        // The photo consents register: a pupil's consents, the scan of a form, a takedown to mark done, and
        // the pupils a publication shows (a form's field).
        specs.add(plain("GET /registers/consents/people/{id:\\d+}", Role.OFFICE, "id=p1", Permission.CONSENTS_READ));
        for (String path : List.of("", "/withdraw")) {
            specs.add(plain("POST /registers/consents/people/{id:\\d+}" + path, Role.OFFICE, "id=p1",
                    Permission.CONSENTS_RECORD));
        }
        specs.add(plain("POST /registers/consents/people/{id:\\d+}/never-publish", Role.OFFICE, "id=p1",
                Permission.CONSENTS_NEVER_PUBLISH));
        specs.add(plain("GET /registers/consents/scans/{id:\\d+}", Role.OFFICE, "id=scan", Permission.CONSENTS_READ));
        specs.add(plain("POST /registers/consents/takedowns/{id:\\d+}/done", Role.OFFICE, "id=takedown",
                Permission.CONSENTS_RECORD));
        specs.add(new Spec("POST /registers/consents/publications", "?pupil={pupil}", Role.OFFICE, "pupil=p1",
                List.of(new Hidden("pupil=p1", holding(Permission.CONSENTS_RECORD))), null, null, false));
        String consentsApi = "/api/v1/registers/consents/{personId:\\d+}";
        for (String path : List.of("", "/scans")) {
            specs.add(plain("GET " + consentsApi + path, Role.OFFICE, "personId=p1", Permission.CONSENTS_READ));
        }
        specs.add(plain("GET /api/v1/registers/consents/scans/{scanId:\\d+}", Role.OFFICE, "scanId=scan",
                Permission.CONSENTS_READ));
        for (String path : List.of("", "/withdraw", "/scans")) {
            specs.add(plain("POST " + consentsApi + path, Role.OFFICE, "personId=p1", Permission.CONSENTS_RECORD));
        }
        specs.add(plain("PUT " + consentsApi + "/{use}", Role.OFFICE, "personId=p1,use=PRESS",
                Permission.CONSENTS_RECORD));
        specs.add(plain("POST /api/v1/registers/consents/takedowns/{id:\\d+}/done", Role.OFFICE, "id=takedown",
                Permission.CONSENTS_RECORD));
        specs.add(plain("PUT /api/v1/registers/consents/publications/{id:\\d+}", Role.OFFICE, "id=publication",
                Permission.CONSENTS_RECORD));
        // The training register: a member of staff's training, a completion's certificate, a course, and the
        // course chosen on the form.
        specs.add(plain("GET /registers/training/people/{id:\\d+}", Role.OFFICE, "id=staff", Permission.TRAINING_READ));
        specs.add(new Spec("POST /registers/training/people/{id:\\d+}/completions", "?courseId={courseId}", Role.OFFICE,
                "id=staff,courseId=course", List.of(new Hidden("id=staff,courseId=course",
                        holding(Permission.TRAINING_RECORD))), null, null, false));
        specs.add(plain("GET /registers/training/completions/{id:\\d+}/certificate", Role.OFFICE, "id=completion",
                Permission.TRAINING_READ));
        specs.add(plain("POST /registers/training/courses/{id:\\d+}", Role.ADMIN, "id=course", Permission.TRAINING_MANAGE));
        specs.add(plain("PUT /api/v1/registers/training/courses/{id}", Role.ADMIN, "id=course",
                Permission.TRAINING_MANAGE));
        specs.add(new Spec("GET /api/v1/registers/training/completions", "?personId={personId}", Role.OFFICE,
                "personId=staff", List.of(new Hidden("personId=staff", holding(Permission.TRAINING_READ))), null, null,
                false));
        specs.add(plain("PUT /api/v1/registers/training/completions/{id}", Role.OFFICE, "id=completion",
                Permission.TRAINING_RECORD));
        // The cloud services and software licences registers: approving or refusing takes either approver.
        Set<Role> approvers = EnumSet.copyOf(holding(Permission.CLOUD_SERVICE_APPROVE_ICT));
        approvers.addAll(holding(Permission.CLOUD_SERVICE_APPROVE_SENIOR));
        specs.add(plain("GET /registers/cloud/{id:\\d+}", Role.ADMIN, "id=cloud", Permission.CLOUD_SERVICES_READ));
        for (String verb : List.of("approve", "refuse")) {
            specs.add(new Spec("POST /registers/cloud/{id:\\d+}/" + verb, "", Role.ADMIN, "id=cloud",
                    List.of(new Hidden("id=cloud", approvers)), null, null, false));
            specs.add(new Spec("POST /api/v1/registers/cloud-services/{id}/" + verb, "", Role.ADMIN, "id=cloud",
                    List.of(new Hidden("id=cloud", approvers)), null, null, false));
        }
        specs.add(plain("POST /registers/cloud/{id:\\d+}/details", Role.ADMIN, "id=cloud", Permission.SOFTWARE_MANAGE));
        specs.add(plain("PUT /api/v1/registers/cloud-services/{id}", Role.ADMIN, "id=cloud", Permission.SOFTWARE_MANAGE));
        specs.add(plain("POST /registers/licences/{id:\\d+}", Role.ADMIN, "id=licence", Permission.SOFTWARE_MANAGE));
        specs.add(plain("PUT /api/v1/registers/licences/{id}", Role.ADMIN, "id=licence", Permission.SOFTWARE_MANAGE));
        // The out-of-hours on-call list, and acknowledging an alert sent down it.
        for (String verb : List.of("remove", "move")) {
            specs.add(plain("POST /alerts/on-call/{id:\\d+}/" + verb, Role.DSL, "id=onCall", Permission.INCIDENT_MANAGE));
        }
        specs.add(plain("POST /alerts/{id:\\d+}/acknowledge", Role.DSL, "id=alert", Permission.INCIDENT_MANAGE));
        specs.add(plain("POST /api/v1/alerts/{id}/acknowledge", Role.DSL, "id=alert", Permission.INCIDENT_MANAGE));
        // The term dates page and its API.
        for (String kind : List.of("terms", "closures")) {
            String real = "id=" + kind.substring(0, kind.length() - 1);
            for (String route : List.of("GET /settings/term-dates/%s/{id:\\d+}", "POST /settings/term-dates/%s/{id:\\d+}",
                    "POST /settings/term-dates/%s/{id:\\d+}/remove", "PUT /api/v1/settings/term-dates/%s/{id}",
                    "DELETE /api/v1/settings/term-dates/%s/{id}")) {
                specs.add(plain(route.formatted(kind), Role.DSL, real, Permission.SCHOOL_CALENDAR_MANAGE));
            }
        }
        // The yearly filtering review: signing takes either the senior leader or the governor.
        Set<Role> signers = EnumSet.copyOf(holding(Permission.REVIEWS_LEAD));
        signers.addAll(holding(Permission.REVIEWS_GOVERN));
        specs.add(plain("GET /registers/reviews/{id}", Role.DSL, "id=filteringReview", Permission.REVIEWS_READ));
        specs.add(plain("GET /api/v1/registers/reviews/{id}", Role.DSL, "id=filteringReview", Permission.REVIEWS_READ));
        specs.add(plain("POST /registers/reviews/{id}/answers", Role.DSL, "id=filteringReview", Permission.REVIEWS_LEAD));
        specs.add(plain("PUT /api/v1/registers/reviews/{id}/answers", Role.DSL, "id=filteringReview",
                Permission.REVIEWS_LEAD));
        for (String prefix : List.of("/registers/reviews", "/api/v1/registers/reviews")) {
            specs.add(new Spec("POST " + prefix + "/{id}/sign", "", Role.DSL, "id=filteringReview",
                    List.of(new Hidden("id=filteringReview", signers)), null, null, false));
        }
        // One's own agreement: the version the page showed, which a forged id cannot turn into another's.
        specs.add(new Spec("POST /agreement", "?versionId={versionId}", Role.PUPIL, "versionId=agreementVersion",
                List.of(), null, null, false));
        // A school exclusion, named by the version of its library that made it: another library's is not there.
        for (String unexclude : List.of("POST /monitoring/libraries/{category}/exclusions/{version:\\d+}/remove",
                "POST /api/v1/monitor/libraries/{category}/exclusions/{version}/remove")) {
            specs.add(new Spec(unexclude, "", Role.DSL, "category=gambling,version=exclusion",
                    List.of(new Hidden("category=gambling,version=exclusion", holding(Permission.INCIDENT_MANAGE))),
                    "category=self-harm,version=exclusion", "version", false));
        }
        // The requester withdraws their own request, an approver any; to anyone else it is not there.
        specs.add(plain("POST /unblock/{id}/withdraw", Role.DSL, "id=unblock", Permission.UNBLOCK_APPROVE));
        return specs;
    }

    /**
     * An id in an API request's JSON body that the route must refuse: an account that may not take
     * the part (it may not read the record), or a person on another pupil's record.
     *
     * @param spec   the route, with its actor and the records in its address ({@code real})
     * @param body   the JSON body, with {@code {name}} where a record's id goes
     * @param inBody the variable in the body naming the record to refuse
     */
    record BodyId(Spec spec, String body, String inBody) {
        @Override
        public String toString() {
            return spec + " " + body;
        }
    }

    static List<BodyId> bodyIds() {
        String incident = "POST /api/v1/incidents/{id}";
        String account = "{\"accountId\":{who}}";
        return Stream.of(new BodyId(bodySpec(incident + "/case/owner", "id=A,who=ownerAccount"), account, "who"),
                new BodyId(bodySpec(incident + "/actions/{actionId}/owner", "id=A,actionId=aA,who=ownerAccount"),
                        account, "who"),
                new BodyId(bodySpec(incident + "/investigation", "id=A,who=ownerAccount"),
                        "{\"seniorStaffAccountIds\":[{who}]}", "who"),
                new BodyId(bodySpec(incident + "/actions", "id=A,column=columnA,who=p2"),
                        "{\"columnId\":\"{column}\",\"personId\":{who},\"reason\":\"forged\"}", "who")).toList();
    }

    private static Spec bodySpec(String key, String real) {
        return new Spec(key, "", Role.DSL, real, List.of(), null, null, false);
    }

    // ---- Coverage ------------------------------------------------------------------------------

    /** Every mapped route with an id in its path or an id-like parameter, as {@code METHOD pattern} → its id names. */
    private Map<String, Set<String>> routesWithIds() {
        Map<String, Set<String>> routes = new TreeMap<>();
        Pattern variable = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<String> params = new TreeSet<>();
            for (MethodParameter p : e.getValue().getMethodParameters()) {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp == null) {
                    continue;
                }
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                Class<?> type = p.getParameterType();
                boolean numeric = type == long.class || type == Long.class || type == int.class || type == Integer.class
                        || List.class.isAssignableFrom(type) && p.getGenericParameterType().getTypeName().contains("Long");
                if (name != null && !NOT_ID_PARAMS.contains(name) && (numeric || name.endsWith("Id"))) {
                    params.add(name);
                }
            }
            for (String pattern : e.getKey().getPatternValues()) {
                Set<String> names = new TreeSet<>(params);
                Matcher m = variable.matcher(pattern);
                while (m.find()) {
                    names.add(m.group(1));
                }
                names.removeAll(NOT_IDS);
                if (names.isEmpty()) {
                    continue;
                }
                for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                    routes.put(method + " " + pattern, names);
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteWithAnIdIsCovered() {
        Map<String, Set<String>> routes = routesWithIds();
        Map<String, Spec> specs = new TreeMap<>();
        specs().forEach(s -> specs.put(s.key(), s));

        List<String> uncovered = new ArrayList<>();
        routes.forEach((key, names) -> {
            Spec spec = specs.get(key);
            if (spec == null || !names.stream().allMatch(n -> spec.template().contains("{" + n + "}"))) {
                uncovered.add(key + " " + names);
            }
        });
        assertThat(uncovered).as("routes with ids that this test does not ask (add a row to specs())").isEmpty();
        assertThat(specs.keySet()).as("rows for routes that no longer exist").isSubsetOf(routes.keySet());
        assertThat(routes).containsKeys("GET /incidents/{id:\\d+}", "GET /api/v1/incidents/{id}/evidence/{evidenceId}");
    }

    // ---- The cases -----------------------------------------------------------------------------

    Stream<Arguments> hiddenRecords() {
        return specs().stream().flatMap(spec -> spec.hidden().stream().flatMap(hidden -> Arrays.stream(Role.values())
                .filter(role -> !hidden.seers().contains(role))
                .flatMap(role -> (spec.api() ? Stream.of(By.values()) : Stream.of(By.SESSION))
                        .map(by -> Arguments.of(spec, hidden.vars(), role, by)))));
    }

    Stream<Arguments> crossRecords() {
        return specs().stream().filter(s -> s.cross() != null)
                .flatMap(s -> (s.api() ? Stream.of(By.values()) : Stream.of(By.SESSION)).map(by -> Arguments.of(s, by)));
    }

    Stream<Arguments> missingRecords() {
        return specs().stream().map(Arguments::of);
    }

    Stream<Arguments> garbage() {
        return specs().stream().flatMap(spec -> vars(spec.real()).keySet().stream()
                .filter(name -> !NOT_IDS.contains(name))
                .flatMap(name -> GARBAGE.stream().map(g -> Arguments.of(spec, name, g))));
    }

    @ParameterizedTest(name = "{0} {1} as {2} by {3}")
    @MethodSource("hiddenRecords")
    void aRecordOneMayNotSeeAnswersAsAMissingOneDoes(Spec spec, String hiddenVars, Role role, By by) throws Exception {
        Map<String, String> hidden = resolve(vars(hiddenVars));
        Map<String, String> missing = new LinkedHashMap<>(hidden);
        missing.replaceAll((name, value) -> NOT_IDS.contains(name) ? value : MISSING);

        Answer absent = ask(spec, missing, role, by);
        Map<String, List<String>> before = state();
        long accessBefore = lastAccessId();
        Answer refused = ask(spec, hidden, role, by);

        String what = spec + " " + hidden + " as " + role + " by " + by;
        assertThat(refused.status()).as(what + ": status").isNotEqualTo(500).isEqualTo(absent.status());
        assertThat(refused.status()).as(what + ": status").isIn(400, 403, 404);
        assertSameWords(what, refused, hidden, absent, missing);
        assertThat(DatabaseState.differences(before, state())).as(what + ": every table").isEmpty();
        if (spec.safeguarding() && refused.status() == 404 && spec.method() == HttpMethod.GET) {
            assertDeniedLookLogged(role, hidden.values(), accessBefore);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("crossRecords")
    void aRecordUnderAnotherRecordsAddressAnswersAsAMissingOneDoes(Spec spec, By by) throws Exception {
        Map<String, String> cross = resolve(vars(spec.cross()));
        Map<String, String> missing = new LinkedHashMap<>(cross);
        missing.put(spec.foreign(), MISSING);

        Answer absent = ask(spec, missing, spec.actor(), by);
        Map<String, List<String>> before = state();
        long accessBefore = lastAccessId();
        Answer crossed = ask(spec, cross, spec.actor(), by);

        String what = spec + " " + cross + " by " + by;
        assertThat(crossed.status()).as(what + ": status").isNotEqualTo(500).isEqualTo(absent.status()).isEqualTo(404);
        assertSameWords(what, crossed, cross, absent, missing);
        assertThat(DatabaseState.differences(before, state())).as(what + ": every table").isEmpty();
        if (spec.safeguarding() && spec.method() == HttpMethod.GET) {
            assertDeniedLookLogged(spec.actor(), cross.values(), accessBefore);
        }
        if (spec.safeguarding()) {
            // Neither record was shown, though the actor may read the one in the address.
            assertThat(looksLoggedAsShown(accessBefore, cross.values())).as(what + ": looks logged as shown").isEmpty();
        }
        String foreignType = Map.of("evidenceId", "evidence", "incidentId", "incident").get(spec.foreign());
        if (foreignType != null) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM record_access WHERE id > :after AND record_type = :type "
                            + "AND record_id = :foreign AND allowed = TRUE")
                    .param("after", accessBefore).param("type", foreignType)
                    .param("foreign", Long.parseLong(cross.get(spec.foreign()))).query(Long.class).single())
                    .as(what + ": the record from elsewhere logged as shown").isZero();
        }
    }

    Stream<Arguments> downloads() {
        return specs().stream().filter(s -> s.key().startsWith("GET ") && s.cross() != null
                        && (s.key().endsWith("/download") || s.key().endsWith("/content")))
                .flatMap(s -> (s.api() ? Stream.of(By.values()) : Stream.of(By.SESSION)).map(by -> Arguments.of(s, by)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("downloads")
    void downloadingAnItemWithoutBytesIsNotFoundAndLogsNothingAsShown(Spec spec, By by) throws Exception {
        // Item eA is a description: there is nothing to download, though the actor may read it and its incident.
        Map<String, String> text = resolve(vars(spec.real()));
        Map<String, String> missing = new LinkedHashMap<>(text);
        missing.put("evidenceId", MISSING);

        Answer absent = ask(spec, missing, spec.actor(), by);
        long accessBefore = lastAccessId();
        Answer answer = ask(spec, text, spec.actor(), by);

        String what = spec + " " + text + " by " + by;
        assertThat(answer.status()).as(what + ": status").isEqualTo(404);
        assertSameWords(what, answer, text, absent, missing);
        assertThat(looksLoggedAsShown(accessBefore, text.values())).as(what + ": looks logged as shown").isEmpty();
        assertDeniedLookLogged(spec.actor(), text.values(), accessBefore);
    }

    Stream<Arguments> bodyIdCases() {
        return bodyIds().stream().flatMap(c -> Stream.of(By.values()).map(by -> Arguments.of(c, by)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("bodyIdCases")
    void anIdInABodyThatTheRouteRefusesAnswersAsAMissingOneDoes(BodyId body, By by) throws Exception {
        Spec spec = body.spec();
        Map<String, String> refused = resolve(vars(spec.real()));
        Map<String, String> missing = new LinkedHashMap<>(refused);
        missing.put(body.inBody(), MISSING);

        Answer absent = ask(spec, missing, spec.actor(), by, body.body());
        Map<String, List<String>> before = state();
        Answer answer = ask(spec, refused, spec.actor(), by, body.body());

        String what = body + " " + refused + " by " + by;
        assertThat(answer.status()).as(what + ": status").isNotEqualTo(500).isEqualTo(absent.status()).isBetween(400, 499);
        assertSameWords(what, answer, refused, absent, missing);
        assertThat(DatabaseState.differences(before, state())).as(what + ": every table").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRecords")
    void aMissingRecordIsNotFoundAndChangesNothing(Spec spec) throws Exception {
        Map<String, String> missing = resolve(vars(spec.real()));
        missing.replaceAll((name, value) -> NOT_IDS.contains(name) ? value : MISSING);
        Map<String, List<String>> before = state();

        for (By by : spec.api() ? By.values() : new By[] {By.SESSION}) {
            int status = ask(spec, missing, spec.actor(), by).status();
            if (spec.method() == HttpMethod.GET) {
                assertThat(status).as(spec + " " + missing + " by " + by).isEqualTo(404);
            } else if (spec.recordInPath()) {
                // A form may be refused for its fields (400) before its record is looked up, but never sent
                // back to its page (302) as though the record were there.
                assertThat(status).as(spec + " " + missing + " by " + by).isIn(400, 404);
            } else {
                // A number typed into a form's field comes back to the form saying what is wrong with it.
                assertThat(status).as(spec + " " + missing + " by " + by).isIn(302, 400, 404);
            }
        }
        assertThat(DatabaseState.differences(before, state())).as(spec + ": every table").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("garbage")
    void anIdThatIsNotAnIdIsABadRequestOrNotFound(Spec spec, String name, String value) throws Exception {
        Map<String, String> vars = resolve(vars(spec.real()));
        vars.put(name, value);
        Map<String, String> missing = new LinkedHashMap<>(vars);
        missing.put(name, MISSING);
        Map<String, List<String>> before = state();

        for (By by : spec.api() ? By.values() : new By[] {By.SESSION}) {
            String what = spec + " " + vars + " by " + by;
            Answer answer = ask(spec, vars, spec.actor(), by);
            assertThat(answer.status()).as(what).isNotEqualTo(500);
            if (answer.status() == 302 && answer.flash().contains("problem")) {
                // A form's field: the form comes back saying what is wrong with it.
                assertThat(answer.location()).as(what + ": back to the page").doesNotContain(value);
            } else if (answer.status() != 400 && answer.status() != 404) {
                // Otherwise it must be taken for a record that does not exist.
                assertSameWords(what, answer, vars, ask(spec, missing, spec.actor(), by), missing);
            }
        }
        assertThat(DatabaseState.differences(before, state())).as(spec + " " + vars + ": every table").isEmpty();
    }

    /**
     * The two answers line by line, so that a failure shows the first line that differs rather than two whole pages.
     * Both lose the ids of both requests: a number a page prints for its own reasons (the 15 of a time 15:02, a day
     * of the month) that happens to equal one request's id must read the same in the other answer.
     */
    private static void assertSameWords(String what, Answer actual, Map<String, String> actualIds, Answer expected,
                                        Map<String, String> expectedIds) {
        Set<String> ids = new LinkedHashSet<>(actualIds.values());
        ids.addAll(expectedIds.values());
        String[] a = actual.normalised(ids).split("\n");
        String[] e = expected.normalised(ids).split("\n");
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String got = i < a.length ? a[i] : "(end)";
            String want = i < e.length ? e[i] : "(end)";
            assertThat(got).as(what + ": line " + (i + 1) + " of the answer, ids aside").isEqualTo(want);
        }
    }

    // ---- Asking --------------------------------------------------------------------------------

    /** What came back, with the parts that must match. */
    record Answer(int status, String body, String location, String flash) {
        /** The answer with the ids asked about, and per-request tokens, replaced by placeholders. */
        String normalised(Set<String> ids) {
            String text = "location " + location + "\nflash " + flash + "\n" + body;
            text = text.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]*", "$1TOKEN")
                    .replaceAll("(content=\")[A-Za-z0-9_-]{20,}(\")", "$1TOKEN$2");
            for (String id : ids.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
                text = text.replaceAll("(?<=[/ #:\"\\[,])" + Pattern.quote(id) + "(?![0-9])", "ID");
            }
            // The status stays as it is: a record whose id is 404 must not turn "status 404" into "status ID".
            return "status " + status + "\n" + text;
        }
    }

    private Answer ask(Spec spec, Map<String, String> vars, Role role, By by) throws Exception {
        return ask(spec, vars, role, by, "{\"reason\":\"forged\",\"outcome\":\"forged\","
                + "\"url\":\"http://forged.example/\",\"description\":\"forged\"}");
    }

    /** Asks with {@code json} as an API route's body, its {@code {name}}s filled from {@code vars}. */
    private Answer ask(Spec spec, Map<String, String> vars, Role role, By by, String json) throws Exception {
        String url = spec.template();
        String body = json;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
            body = body.replace("{" + v.getKey() + "}", v.getValue());
        }
        assertThat(url).as("every variable filled").doesNotContain("{");
        MockHttpServletRequestBuilder request = request(spec.method(), url);
        if (by == By.TOKEN) {
            request.header("Authorization", "Bearer " + apiTokens.get(role));
        } else {
            request.with(authentication(users.get(role))).with(csrf());
        }
        if (spec.method() != HttpMethod.GET) {
            if (spec.api()) {
                request.contentType("application/json").content(body);
            } else {
                request.param("reason", "forged").param("outcome", "forged").param("note", "forged")
                        .param("description", "forged").param("url", "http://forged.example/");
            }
        }
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        return new Answer(response.getStatus(), response.getContentAsString(),
                String.valueOf(response.getRedirectedUrl()), result.getFlashMap() == null ? "{}" : String.valueOf(new TreeMap<>(result.getFlashMap())));
    }

    private static Map<String, String> vars(String spec) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            vars.put(kv[0], kv[1]);
        }
        return vars;
    }

    /** The variables with the records' names replaced by their ids (names not of records kept as they are). */
    private Map<String, String> resolve(Map<String, String> vars) {
        Map<String, String> ids = new LinkedHashMap<>();
        vars.forEach((name, record) -> ids.put(name, world.getOrDefault(record, record)));
        return ids;
    }

    // ---- What changed --------------------------------------------------------------------------

    private long lastAccessId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM record_access").query(Long.class).single();
    }

    /** The looks at the records {@code ids} logged as allowed since {@code after}, as {@code type id}. */
    private List<String> looksLoggedAsShown(long after, java.util.Collection<String> ids) {
        return jdbc.sql("SELECT record_type, record_id FROM record_access WHERE id > :after AND allowed = TRUE")
                .param("after", after).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list().stream()
                .filter(look -> ids.contains(look.substring(look.indexOf(' ') + 1))).toList();
    }

    private void assertDeniedLookLogged(Role role, java.util.Collection<String> ids, long after) {
        List<Map<String, Object>> looks = jdbc.sql("SELECT record_id, allowed FROM record_access "
                        + "WHERE id > :after AND account_id = :account")
                .param("after", after).param("account", accountIds.get(role)).query().listOfRows();
        assertThat(looks).as("looks logged").anySatisfy(look -> {
            assertThat(look.get("allowed")).as("allowed").isEqualTo(false);
            assertThat(ids).contains(String.valueOf(look.get("record_id")));
        });
    }

    /** Every row of every table but the record-access log (a refused look is meant to add to it). */
    private Map<String, List<String>> state() {
        return new DatabaseState(jdbc, unblocks).rows(Set.of("record_access"), Set.of("last_used_at"));
    }
}
