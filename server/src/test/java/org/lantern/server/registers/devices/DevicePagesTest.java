package org.lantern.server.registers.devices;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register's pages and API as the office meets them: a return request answering its due
 * time; a theft with personal data on the device opening an incident and a breach end to end,
 * while the office sees neither's contents; a loss with no personal data opening an incident and no
 * breach; a loss with the personal-data question unanswered
 * recording nothing; duplicate serials and a bad import refused through the API; the CSV export
 * with formulas disarmed and script in a field shown as text.
 */
@PersistenceTest
@AutoConfigureMockMvc
class DevicePagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    Devices devices;
    @Autowired
    Loans loans;
    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "devices", role);
    }

    @Test
    void theOfficeKeepsTheRegisterWithoutAnySafeguardingPermission() {
        assertThat(Role.OFFICE.permissions()).contains(Permission.DEVICES_READ, Permission.DEVICES_MANAGE)
                .doesNotContain(Permission.INCIDENT_RECORD, Permission.INCIDENT_READ_ALL,
                        Permission.CHILD_PROTECTION_READ, Permission.DATA_PROTECTION_MANAGE);
    }

    @Test
    void aReturnRequestThroughTheApiAnswersItsDueTimeSeventyTwoHoursOn() throws Exception {
        Loan loan = lend(TestPeople.pupil(jdbc, "Rita", TestPeople.unique("Req")));

        String body = mvc.perform(post("/api/v1/registers/loans/" + loan.id() + "/return-request")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.loanId").value(loan.id()))
                .andReturn().getResponse().getContentAsString();

        JsonNode answer = JSON.readTree(body);
        assertThat(Duration.between(Instant.parse(answer.get("requestedAt").asText()),
                Instant.parse(answer.get("dueAt").asText()))).isEqualTo(Duration.ofHours(72));
        mvc.perform(get("/registers/loans").with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-deadline=\"" + answer.get("dueAt").asText() + "\"")))
                .andExpect(content().string(containsString("hours 59 minutes left")));
    }

    @Test
    void aTheftWithPersonalDataOpensAnIncidentAndABreachThatTheOfficeCannotRead() throws Exception {
        long staff = TestPeople.person(jdbc, "STAFF", "Tom", TestPeople.unique("Theft"));
        Loan loan = lend(staff);
        String secret = "Taken from the car outside " + TestPeople.unique("house");

        mvc.perform(post("/registers/loans/" + loan.id() + "/loss").with(as(Role.OFFICE)).with(csrf())
                        .param("kind", "STOLEN").param("lostAt", SchoolTime.today().minusDays(1) + "T18:30")
                        .param("policeReference", "CAD-1234-07DEC").param("description", secret)
                        .param("categoryId", "careless-personal-data").param("personalData", "yes")
                        .param("dataInvolved", "Year 9 reports in a spreadsheet").param("peopleAffected", "30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", containsString("with the ICO's 72-hour clock")));

        Loan lost = loans.get(loan.id());
        assertThat(lost.lossKind()).isEqualTo(LossKind.STOLEN);
        assertThat(lost.policeReference()).isEqualTo("CAD-1234-07DEC");
        assertThat(devices.get(loan.device().id()).state()).isEqualTo(DeviceState.STOLEN);
        assertThat(jdbc.sql("SELECT category_id FROM incident WHERE id = :id").param("id", lost.incidentId())
                .query(String.class).single()).isEqualTo("careless-personal-data");
        assertThat(jdbc.sql("SELECT role FROM incident_subject WHERE incident_id = :id").param("id", lost.incidentId())
                .query(String.class).list()).containsExactly("REPORTER");
        assertThat(jdbc.sql("SELECT people_affected FROM data_breach WHERE id = :id").param("id", lost.breachId())
                .query(Integer.class).single()).isEqualTo(30);

        mvc.perform(get("/registers/loans/" + loan.id()).with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Incident " + lost.incidentId())))
                .andExpect(content().string(not(containsString(secret))))
                .andExpect(content().string(not(containsString("href=\"/incidents/" + lost.incidentId()))));
        mvc.perform(get("/incidents/" + lost.incidentId()).with(as(Role.OFFICE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/data-protection/breaches/" + lost.breachId()).with(as(Role.OFFICE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/data-protection/breaches/" + lost.breachId()).with(as(Role.HEADTEACHER)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Report to the ICO by")));
        mvc.perform(post("/api/v1/registers/loans/" + loan.id() + "/return").with(as(Role.OFFICE))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"returnedOn\":\"" + SchoolTime.today() + "\",\"conditionBack\":\"Fine\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Loan " + loan.id() + " was reported stolen, so it cannot be returned."));
    }

    @Test
    void aLossWithThePersonalDataQuestionUnansweredRecordsNothing() throws Exception {
        Loan loan = lend(TestPeople.pupil(jdbc, "Una", TestPeople.unique("Loss")));
        long incidents = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();

        mvc.perform(post("/registers/loans/" + loan.id() + "/loss").with(as(Role.OFFICE)).with(csrf())
                        .param("kind", "STOLEN").param("lostAt", SchoolTime.today().minusDays(1) + "T08:00")
                        .param("description", "Gone from the bag").param("categoryId", "mobile-device-misuse"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problemsLoss", java.util.List.of(
                        "A theft is reported to the police: give the police reference.",
                        "Say whether personal data was on the device: yes opens a breach with the ICO's 72-hour clock.")));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(incidents);
        assertThat(loans.get(loan.id()).open()).isTrue();
    }

    @Test
    void aLossWithNoPersonalDataOpensAnIncidentAndNoBreach() throws Exception {
        Loan loan = lend(TestPeople.pupil(jdbc, "Noah", TestPeople.unique("Lost")));
        long breaches = jdbc.sql("SELECT COUNT(*) FROM data_breach").query(Long.class).single();

        mvc.perform(post("/registers/loans/" + loan.id() + "/loss").with(as(Role.OFFICE)).with(csrf())
                        .param("kind", "LOST").param("lostAt", SchoolTime.today().minusDays(1) + "T15:00")
                        .param("description", "Left on the bus").param("categoryId", "mobile-device-misuse")
                        .param("personalData", "no"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", not(containsString("72-hour"))));

        Loan lost = loans.get(loan.id());
        assertThat(lost.lossKind()).isEqualTo(LossKind.LOST);
        assertThat(lost.personalData()).isFalse();
        assertThat(lost.incidentId()).isNotNull();
        assertThat(lost.breachId()).isNull();
        assertThat(devices.get(loan.device().id()).state()).isEqualTo(DeviceState.LOST);
        assertThat(jdbc.sql("SELECT category_id FROM incident WHERE id = :id").param("id", lost.incidentId())
                .query(String.class).single()).isEqualTo("mobile-device-misuse");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM data_breach").query(Long.class).single()).isEqualTo(breaches);
    }

    @Test
    void theApiRefusesADuplicateSerialAndABadImportNamingTheLines() throws Exception {
        String serial = TestPeople.unique("SN");
        String device = "{\"type\":\"tablet\",\"make\":\"Apple\",\"serialNumber\":\"" + serial + "\"}";
        mvc.perform(post("/api/v1/registers/devices").with(as(Role.OFFICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(device))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("AVAILABLE"));
        mvc.perform(post("/api/v1/registers/devices").with(as(Role.OFFICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(device))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already in the register")));

        mvc.perform(post("/api/v1/registers/devices/import").with(as(Role.OFFICE)).with(csrf())
                        .contentType("text/csv").content("type,make,serial\nlaptop,Dell,\nlaptop,Dell," + serial + "\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("Line 2: The serial number is required."))
                .andExpect(jsonPath("$.problems[1]", containsString("Line 3: serial number " + serial)));
    }

    @Test
    void theExportDisarmsFormulasAndThePageShowsScriptAsText() throws Exception {
        String serial = TestPeople.unique("X");
        Device device = devices.create(new DeviceFields("laptop", "=HYPERLINK(\"http://evil.example\")",
                "<script>alert(1)</script>", serial, null, null, null), "office");

        mvc.perform(get("/registers/devices/export.csv").with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("'=HYPERLINK")))
                .andExpect(content().string(not(containsString(",=HYPERLINK"))));
        mvc.perform(get("/registers/devices/" + device.id()).with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    private Loan lend(long person) {
        Device device = devices.create(new DeviceFields("laptop", "Lenovo", "100e", TestPeople.unique("L"), null, null,
                null), "office");
        LocalDate today = loans.today();
        return loans.lend(new NewLoan(device.id(), person, today.minusDays(2), today.plusDays(14), "Good", "Signed Name",
                true), "office");
    }
}
