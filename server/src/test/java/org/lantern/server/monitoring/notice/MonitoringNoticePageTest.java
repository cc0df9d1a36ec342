package org.lantern.server.monitoring.notice;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.server.monitoring.scan.MonitoringProperties;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.retention.ActivityLogRetentionProperties;
import org.lantern.server.retention.RetentionRules;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "What Lantern monitors" is open without signing in and says what the policy and libraries in
 * force say: change the policy, or the libraries, and the page changes; never a phrase.
 */
@PersistenceTest
@AutoConfigureMockMvc
@DirtiesContext
class MonitoringNoticePageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyService policies;
    @Autowired
    MonitoringProperties monitoring;
    @Autowired
    ActivityLogRetentionProperties activityLog;
    @Autowired
    RetentionRules retention;

    private String restore;

    @AfterEach
    void putThePolicyBack() {
        if (restore != null) {
            policies.propose(restore, "test", "back to the preset");
            restore = null;
        }
    }

    @Test
    void anyoneCanReadItWithoutSigningInAndItNamesEveryCategoryButNoPhrase() throws Exception {
        String page = page();

        assertThat(page).contains("What Lantern monitors", "Self-harm", "Grooming and sexual exploitation",
                "Child sexual abuse material", "Designated Safeguarding Lead", "Deputy Designated Safeguarding Lead",
                "Headteacher / senior leadership", "does <strong>not</strong> read what is typed into",
                "25 years", "subject access request", "/report-concern");
        assertThat(page).doesNotContain("Administrator / network manager</li>", "Governor</li>");
        List<String> phrases = CuratedLibraries.load().stream().flatMap(l -> l.entries().stream())
                .filter(e -> e.category() == Category.ILLEGAL || e.category() == Category.SUICIDE)
                .filter(e -> e.alerts() && !e.helpSeeking())
                .map(PhraseEntry::phrase).filter(p -> p.contains(" ")).toList();
        assertThat(phrases).isNotEmpty().allSatisfy(p -> assertThat(page).doesNotContainIgnoringCase(p));
    }

    @Test
    void changingThePolicyChangesThePageAndTheSchoolsWordsAreEscaped() throws Exception {
        restore = policies.current().orElseThrow().yaml();
        org.lantern.policy.Category exempt = policies.currentDocument().categories().getFirst();
        policies.propose(restore + """

                tlsInspection:
                  enabled: true
                  exemptCategories: [%s]
                monitoring:
                  typedText: true
                  typedTextMaxBytes: 4096
                  dslName: Ms Okafor
                  contact: "<script>alert(1)</script> office@school.example"
                """.formatted(exempt.id()), "test", "read what pupils type");

        String page = page().replaceAll("\\s+", " ");

        assertThat(page).contains("What is typed into web pages", "4096", "Ms Okafor",
                "&lt;script&gt;alert(1)&lt;/script&gt; office@school.example",
                "secure (HTTPS) pages included, and what is typed into search engines",
                "only the name of the site is seen", exempt.name())
                .doesNotContain("does <strong>not</strong> read", "<script>alert(1)", "<strong>not</strong> the page's full address");
    }

    @Test
    void withoutTlsInspectionThePageSaysOnlySecureSitesNamesAreSeen() throws Exception {
        String page = page();

        assertThat(page.replaceAll("\\s+", " ")).contains("only the name of the site is seen",
                "<strong>not</strong> the page's full address, not what is searched for on it and not what is typed into it")
                .doesNotContain("secure (HTTPS) pages included");
    }

    @Test
    void theCategoriesAreThoseTheLibrariesInForceCanAlertFor() {
        PhraseLibrary selfHarmOnly = CuratedLibraries.load().stream().filter(l -> l.name().equals("lantern-self-harm"))
                .findFirst().orElseThrow();
        MonitoringNotices notices = new MonitoringNotices(policies, () -> List.of(selfHarmOnly), false,
                monitoring, activityLog, retention);

        MonitoringNotice notice = notices.current();

        assertThat(notice.topics()).extracting(MonitoringNotice.Topic::name).containsExactly("Self-harm");
        assertThat(notice.libraries()).containsExactly("lantern-self-harm " + selfHarmOnly.version());
    }

    private String page() throws Exception {
        return mvc.perform(get("/what-lantern-monitors")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
