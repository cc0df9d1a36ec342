package org.lantern.server.incidents;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Decisions not to refer: their own outcome with a reason, only for referrals, audited and shown. */
@PersistenceTest
@AutoConfigureMockMvc
class ReferralDecisionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    AuditChain audit;

    Authentication teacher;
    Authentication dsl;
    Incident incident;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "ref.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "ref.dsl", Role.DSL);
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Ref"));
        // using-proxy-sites ticks refer-to-dsl, refer-to-headteacher, refer-to-technical-support, ...
        incident = incidents.record(IncidentFixtures.pupilIncident(pupil, "using-proxy-sites"), Viewer.of(teacher));
    }

    private IncidentAction action(String columnId) {
        return incident.actions().stream().filter(a -> a.columnId().equals(columnId)).findFirst().orElseThrow();
    }

    @Test
    void aDecisionNotToReferIsItsOwnOutcomeWithTheReason() {
        Incident after = incidents.decideNotToRefer(incident.id(), action("refer-to-headteacher").id(),
                "Dealt with in school; no pattern of concern.", "ref.dsl");

        IncidentAction decided = after.actions().stream().filter(a -> a.columnId().equals("refer-to-headteacher"))
                .findFirst().orElseThrow();
        assertThat(decided.status()).isEqualTo(ActionStatus.NOT_REFERRED).isNotEqualTo(ActionStatus.WAIVED);
        assertThat(decided.outcome()).isEqualTo("Dealt with in school; no pattern of concern.");
        assertThat(decided.closedBy()).isEqualTo("ref.dsl");
        assertThat(decided.closedAt()).isNotNull();
    }

    @Test
    void theDecisionIsAuditedByDigestOnly() {
        incidents.decideNotToRefer(incident.id(), action("refer-to-dsl").id(), "Secret reason", "ref.dsl");

        List<AuditEntry> entries = audit.entriesFor("incident", Long.toString(incident.id()));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("incident.recorded", "incident.action.not-referred");
        assertThat(entries.get(1).detailJson()).contains("textSha256").doesNotContain("Secret reason");
    }

    @Test
    void anActionThatIsNotAReferralCannotBeDecidedNotToRefer() {
        long technical = action("refer-to-technical-support").id();

        assertThatThrownBy(() -> incidents.decideNotToRefer(incident.id(), technical, "No.", "ref.dsl"))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("is not a referral");
        assertThat(incidents.read(incident.id(), Viewer.of(dsl), Channel.API).orElseThrow().actions())
                .allMatch(a -> a.status() == ActionStatus.OPEN);
    }

    @Test
    void aBlankReasonIsRefused() {
        assertThatThrownBy(() -> incidents.decideNotToRefer(incident.id(), action("refer-to-dsl").id(), "  ", "ref.dsl"))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("The reason not to refer must be given");
    }

    @Test
    void aClosedActionCannotBeDecidedNotToReferAndTheAttemptIsAudited() {
        long id = action("refer-to-dsl").id();
        incidents.complete(incident.id(), id, "Referred.", "ref.dsl");

        assertThatThrownBy(() -> incidents.decideNotToRefer(incident.id(), id, "Changed my mind.", "ref.dsl"))
                .isInstanceOf(ActionClosedException.class).hasMessageContaining("already done");
        assertThat(audit.entriesFor("incident", Long.toString(incident.id()))).extracting(AuditEntry::action)
                .endsWith("incident.action.not-refer-refused");
    }

    @Test
    void theRecordPageOffersTheDecisionOnlyForReferralsAndShowsIt() throws Exception {
        String before = mvc.perform(get("/incidents/" + incident.id()).with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();
        assertThat(before).contains("/actions/" + action("refer-to-headteacher").id() + "/not-referred")
                .doesNotContain("/actions/" + action("refer-to-technical-support").id() + "/not-referred");

        mvc.perform(post("/incidents/" + incident.id() + "/actions/" + action("refer-to-headteacher").id() + "/not-referred")
                .with(authentication(dsl)).with(csrf()).param("reason", "Handled by the DSL."));

        String after = mvc.perform(get("/incidents/" + incident.id()).with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();
        assertThat(after).contains("Decided not to refer", "Not referred: Handled by the DSL. (ref.dsl)");
    }

    @Test
    void theApiRecordsTheDecision() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/incidents/" + incident.id() + "/actions/"
                        + action("refer-to-dsl").id() + "/not-referred").with(authentication(dsl)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Not a safeguarding matter.\"}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("\"status\":\"NOT_REFERRED\"",
                "Not a safeguarding matter.");
    }
}
