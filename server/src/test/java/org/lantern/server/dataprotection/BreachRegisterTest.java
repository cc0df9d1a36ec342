package org.lantern.server.dataprotection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
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

/** The breach register: the ICO clock, decisions with reasons, the report, and the audit trail. */
@PersistenceTest
@AutoConfigureMockMvc
class BreachRegisterTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BreachRegister register;
    @Autowired
    AuditChain audit;

    Authentication head;

    @BeforeEach
    void setUp() {
        DataProtectionFixtures.clear(jdbc);
        head = TestUsers.signedIn(accountService, accounts, "breach.head", Role.HEADTEACHER);
    }

    private Breach breach(Duration awareAgo, String summary) {
        OffsetDateTime aware = OffsetDateTime.now(ZoneOffset.UTC).minus(awareAgo);
        return register.record(new BreachRegister.NewBreach(aware.minusHours(2), aware, summary,
                "Names and year groups of a class", 28), "breach.head");
    }

    private String page(long id) throws Exception {
        return mvc.perform(get("/data-protection/breaches/" + id).with(authentication(head))).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void theIcoDeadlineIsSeventyTwoHoursAfterTheSchoolBecameAware() {
        Breach breach = breach(Duration.ofHours(10), "Spreadsheet emailed to the wrong parent.");

        assertThat(breach.icoDeadline().toInstant()).isEqualTo(breach.awareAt().toInstant().plus(Duration.ofHours(72)));
        assertThat(breach.awaitingReport()).isTrue();
        assertThat(breach.overdue(Instant.now())).isFalse();
    }

    @Test
    void thePageShowsTheTimeLeftAsTextThatAScriptKeepsCurrent() throws Exception {
        Breach breach = breach(Duration.ofHours(10), "Laptop left on a train.");

        String page = page(breach.id());

        assertThat(page).contains("Report to the ICO by", "data-deadline=\"" + breach.icoDeadline().toInstant() + "\"",
                "2 days 1", "left", "/js/countdown.js").doesNotContain("class=\"overdue\"");
    }

    @Test
    void aBreachStillUnreportedAfterSeventyTwoHoursIsHighlightedAsOverdue() throws Exception {
        Breach breach = breach(Duration.ofHours(80), "USB stick lost.");

        assertThat(breach.overdue(Instant.now())).isTrue();
        assertThat(page(breach.id())).contains("class=\"overdue\"", "overdue by 8 hours");
        assertThat(mvc.perform(get("/data-protection/breaches").with(authentication(head))).andReturn().getResponse()
                .getContentAsString()).contains("Overdue: deadline was");
    }

    @Test
    void theDecisionNotToReportNeedsReasonsAndStopsTheClock() {
        Breach breach = breach(Duration.ofHours(80), "Email to the wrong colleague, deleted unread.");

        assertThatThrownBy(() -> register.decide(breach.id(), IcoDecision.DO_NOT_REPORT, " ", "breach.head"))
                .isInstanceOf(DataProtectionException.class).hasMessageContaining("reasons");
        Breach decided = register.decide(breach.id(), IcoDecision.DO_NOT_REPORT,
                "Recipient is staff bound by confidentiality and confirmed deletion.", "breach.head");

        assertThat(decided.awaitingReport()).isFalse();
        assertThat(decided.overdue(Instant.now())).isFalse();
    }

    @Test
    void theDecisionToReportAlsoNeedsReasons() {
        Breach breach = breach(Duration.ofHours(1), "Safeguarding notes sent to a parent.");

        assertThatThrownBy(() -> register.decide(breach.id(), IcoDecision.REPORT, "", "breach.head"))
                .isInstanceOf(DataProtectionException.class);
    }

    @Test
    void aReportNeedsTheDecisionToReportFirstAndTheIcoReference() {
        Breach breach = breach(Duration.ofHours(5), "Class list posted on social media.");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        assertThatThrownBy(() -> register.reported(breach.id(), now, "ICO/123", "breach.head"))
                .isInstanceOf(DataProtectionException.class).hasMessageContaining("decision to report");
        register.decide(breach.id(), IcoDecision.REPORT, "Special category data of children.", "breach.head");
        assertThatThrownBy(() -> register.reported(breach.id(), now, " ", "breach.head"))
                .isInstanceOf(DataProtectionException.class).hasMessageContaining("reference");
        Breach reported = register.reported(breach.id(), now, "ICO/123", "breach.head");

        assertThat(reported.awaitingReport()).isFalse();
        assertThat(reported.reportedLate()).isFalse();
        assertThat(reported.icoReference()).isEqualTo("ICO/123");
    }

    @Test
    void everyChangeIsAuditedAndTheFreeTextOnlyByItsHash() {
        Breach breach = breach(Duration.ofHours(5), "Distinctive summary words.");
        register.decide(breach.id(), IcoDecision.REPORT, "Reasons given.", "breach.head");
        register.reported(breach.id(), OffsetDateTime.now(ZoneOffset.UTC), "ICO/9", "breach.head");
        register.followUp(breach.id(), "Parents of the class, by letter.", "Mail rules changed.", "breach.head");

        List<AuditEntry> entries = audit.entriesFor(BreachRegister.RECORD_TYPE, Long.toString(breach.id()));

        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("breach.recorded", "breach.decided", "breach.reported", "breach.followed-up");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("breach.head");
            assertThat(e.detailJson()).doesNotContain("Distinctive summary words", "Parents of the class");
        });
    }

    @Test
    void theFormRefusesAwarenessBeforeTheBreachAndKeepsWhatWasTyped() throws Exception {
        MvcResult result = mvc.perform(post("/data-protection/breaches").with(authentication(head)).with(csrf())
                .param("occurredAt", "2025-03-14T10:30").param("awareAt", "2025-03-13T09:00")
                .param("summary", "Kept summary").param("dataInvolved", "Names").param("peopleAffected", "3"))
                .andReturn();

        assertThat(result.getResponse().getContentAsString()).contains("role=\"alert\"",
                "cannot have become aware of it before it happened", ">Kept summary</textarea>");
        assertThat(register.list()).isEmpty();
    }

    @Test
    void recordingThroughTheFormOpensTheNewBreach() throws Exception {
        MvcResult result = mvc.perform(post("/data-protection/breaches").with(authentication(head)).with(csrf())
                .param("occurredAt", "2025-03-13T10:30").param("awareAt", "2025-03-14T09:00")
                .param("summary", SCRIPT).param("dataInvolved", "Names").param("peopleAffected", "3"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/data-protection/breaches/");
        Breach breach = register.list().getFirst();
        assertThat(breach.awareAt().toLocalDateTime()).hasToString("2025-03-14T09:00");
        assertThat(page(breach.id())).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    }
}
