package org.lantern.server.dataprotection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.people.People;
import org.lantern.server.registers.agreements.Acceptances;
import org.lantern.server.registers.agreements.AgreementTexts;
import org.lantern.server.registers.agreements.Audience;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.NeverPublish;
import org.lantern.server.registers.consents.NeverPublishReason;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.registers.devices.DeviceFields;
import org.lantern.server.registers.devices.Devices;
import org.lantern.server.registers.devices.Loans;
import org.lantern.server.registers.devices.NewLoan;
import org.lantern.server.registers.devices.PersonalDeviceKind;
import org.lantern.server.registers.devices.PersonalDevices;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The registers' parts of a subject access export, for a pupil with records in each next to a
 * classmate who must not appear: the agreements accepted (a parent's paper form with its scan), the
 * photo consents, the publications the pupil appears in and the never-publish flag (its read logged,
 * and only for those who may see it), the devices lent and the personal devices registered.
 */
@PersistenceTest
@AutoConfigureMockMvc
class SubjectAccessRegistersTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubjectAccessRequests requests;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    AgreementTexts texts;
    @Autowired
    Acceptances acceptances;
    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    NeverPublish neverPublish;
    @Autowired
    Devices devices;
    @Autowired
    Loans loans;
    @Autowired
    PersonalDevices personalDevices;

    Authentication dsl;
    Authentication admin;
    long pupil;
    String surname;
    String serial;
    String tag;

    @BeforeEach
    void setUp() {
        DataProtectionFixtures.clear(jdbc);
        dsl = TestUsers.signedIn(accountService, accounts, "sarreg.dsl", Role.DSL);
        admin = TestUsers.signedIn(accountService, accounts, "sarreg.admin", Role.ADMIN);
        LocalDate today = People.today();
        surname = TestPeople.unique("Quill");
        pupil = TestPeople.pupil(jdbc, "Petra", surname);
        long classmate = TestPeople.pupil(jdbc, "Cosmo", TestPeople.unique("Classmate"));

        acceptances.recordPaper(pupil, texts.inForce(Audience.PARENTS).orElseThrow().id(), today, "Pat Quillparent",
                "parents-form.pdf", PDF, "sarreg.dsl");
        consents.record(pupil, new ConsentForm(PhotoUse.PRESS, true, "Grace Quillparent", true, today, null),
                "consent.pdf", PDF, "sarreg.dsl", Consents.Mode.EITHER);
        consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, false, "Grace Quillparent", null, today, null),
                null, null, "sarreg.dsl", Consents.Mode.EITHER);
        consents.record(classmate, new ConsentForm(PhotoUse.PRESS, true, "Otto Otherparent", null, today, null),
                null, null, "sarreg.dsl", Consents.Mode.EITHER);
        publications.record(new Publications.Draft(PhotoUse.PRESS, "Sports day in the Gazette", "Town Gazette, page 4",
                today, "sarreg.dsl", Set.of(pupil)), "sarreg.dsl");
        neverPublish.set(pupil, NeverPublishReason.COURT_ORDER, "Order of 3 March: no images anywhere.", "sarreg.dsl");
        serial = TestPeople.unique("SN");
        tag = TestPeople.unique("LAP-");
        loans.lend(new NewLoan(devices.create(new DeviceFields("laptop", "Dell", "Latitude", serial, tag, null, null),
                "sarreg.dsl").id(), pupil, loans.today(), loans.today().plusDays(7), "Scratched lid", "Petra Quill",
                true), "sarreg.dsl");
        PersonalDeviceKind kind = personalDevices.kinds().stream().filter(PersonalDeviceKind::allowed).findFirst()
                .orElseThrow();
        personalDevices.register(pupil, kind.id(), "Green phone case", "sarreg.dsl");
    }

    private long request(String requester, String relation) {
        return requests.record(new SubjectAccessRequests.NewRequest(requester, relation, pupil, People.today(), true,
                "Known to the school"), "sarreg.dsl").id();
    }

    private String exportJson(Authentication user, long id) throws Exception {
        return mvc.perform(get("/data-protection/subject-access/" + id + "/export.json").with(authentication(user)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theExportHoldsThePupilsAgreementsConsentsPublicationsAndDevicesAndNoOneElses() throws Exception {
        String json = exportJson(dsl, request("Petra " + surname, "the person themselves"));

        assertThat(json).contains("\"title\":\"Acceptable-use agreements\"", "Parents and carers", "Pat Quillparent",
                "Paper form", "\"title\":\"Photo and video consent\"", "Local press", "Grace Quillparent", "Refused",
                "\"title\":\"Publications the pupil appears in\"", "Sports day in the Gazette", "Town Gazette, page 4",
                "\"title\":\"School devices lent\"", tag, "Scratched lid", "Petra Quill",
                "\"title\":\"Personal devices registered\"", "Green phone case");
        assertThat(json).doesNotContain("Otto Otherparent", "%PDF");
    }

    @Test
    void theNeverPublishFlagIsInTheExportOfThoseWhoMaySeeItWhoeverAskedEachReadLogged() throws Exception {
        String json = exportJson(dsl, request("Grace Quillparent", "mother"));

        assertThat(json).contains("\"title\":\"Never publish\"", "Court order", "Order of 3 March: no images anywhere.");
        assertThat(accessLog.forRecord("consent-never-publish", pupil))
                .filteredOn(a -> a.username().equals("sarreg.dsl") && a.channel() == Channel.EXPORT).hasSize(1);
    }

    @Test
    void theNetworkManagersExportSaysWhoCanAddTheFlagAndNotWhetherThereIsOne() throws Exception {
        String json = exportJson(admin, request("Petra " + surname, "the person themselves"));

        assertThat(json).contains("Grace Quillparent", "\"title\":\"Never publish\"",
                "may see whether a pupil is marked never to appear").doesNotContain("Court order", "no images anywhere");
        assertThat(accessLog.forRecord("consent-never-publish", pupil)).noneMatch(a -> a.username().equals("sarreg.admin"));
    }

    @Test
    void thePageShowsTheRegistersInWordsAndAMemberOfStaffHasNoConsentParts() throws Exception {
        long id = request("Petra " + surname, "the person themselves");
        String page = mvc.perform(get("/data-protection/subject-access/" + id + "/export").with(authentication(dsl)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h2>Acceptable-use agreements</h2>", "<h2>School devices lent</h2>", "Scratched lid",
                "Court order");

        long staff = TestPeople.person(jdbc, "STAFF", "Stella", TestPeople.unique("Staff"));
        long staffRequest = requests.record(new SubjectAccessRequests.NewRequest("Stella", "the person themselves",
                staff, People.today(), true, "Staff ID seen"), "sarreg.dsl").id();
        assertThat(exportJson(dsl, staffRequest)).contains("\"title\":\"Acceptable-use agreements\"")
                .doesNotContain("Photo and video consent", "Never publish");
    }
}
