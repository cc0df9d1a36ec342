package org.lantern.filter.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The network gate of the acceptable-use agreements: a person marked as owing their agreement is
 * sent to the agreement page, after the illegal-content lists and removed access and before any
 * allowance, and the agreement page's own host is never held.
 */
class AgreementGateDecisionTest {

    private static final Instant MONDAY_LESSON = Instant.parse("2026-01-05T09:30:00Z");
    private static final String PAGE = "https://lantern.school.example/agreement";
    private static final Subject OWES = new Subject("p-1", "Ada Pupil", "ks3", true, null, true);
    private static final Subject OWES_WITHOUT_ACCESS = new Subject("p-2", "Lee Pupil", "ks3", false, null, true);

    private final FilterSnapshot snapshot = snapshot();

    private static FilterSnapshot snapshot() {
        try {
            return FilterSnapshot.of(PolicyParser.parse(Presets.yaml("astley-park")), 3)
                    .withDirectory(InMemoryDirectory.builder().user("ada", OWES).user("lee", OWES_WITHOUT_ACCESS).build())
                    .withIllegalContent(IllegalContentList.builder().addUrl("iwf", "http://abuse.invalid/x").build())
                    .withLocalLists(CategoryLists.builder().allow(ListKind.DOMAINS, "library.example").build())
                    .withExceptions(List.of(new UnblockException("ex-1", UnblockException.Scope.DOMAIN, "bbc.co.uk",
                            Set.of("ks3"), Set.of(), MONDAY_LESSON.minusSeconds(60), MONDAY_LESSON.plusSeconds(3600),
                            "dsl", "study")))
                    .withSettings(FilterSettings.defaults().withAgreementPage(PAGE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Decision decide(String url, String user) throws Exception {
        return snapshot.decide(DecisionRequest.of(url, "GET", user, null, MONDAY_LESSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://library.example/", "https://www.bbc.co.uk/news"})
    void someoneWhoOwesTheirAgreementIsSentToItEvenWhereTheyWouldBeAllowed(String url) throws Exception {
        Decision d = decide(url, "ada");
        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.AGREEMENT_REQUIRED);
        assertThat(d.rewriteUrl()).isEqualTo(PAGE);
        assertThat(d.reason()).contains("acceptable-use agreement");
    }

    @Test
    void theAgreementPagesHostIsNeverHeld() throws Exception {
        assertThat(decide("https://LANTERN.school.example/agreement", "ada").allowed()).isTrue();
        assertThat(decide("https://lantern.school.example/login", "ada").allowed()).isTrue();
    }

    @Test
    void theIllegalContentListsAndRemovedAccessComeFirst() throws Exception {
        assertThat(decide("http://abuse.invalid/x", "ada").rule()).isEqualTo(Rule.ILLEGAL_LIST);
        assertThat(decide("https://www.bbc.co.uk/", "lee").rule()).isEqualTo(Rule.ACCESS_REMOVED);
    }

    @Test
    void someoneWhoOwesNothingIsJudgedAsBefore() throws Exception {
        Decision d = snapshot.decide(DecisionRequest.of("http://library.example/", "GET", "unknown", null, MONDAY_LESSON));
        assertThat(d.rule()).isNotEqualTo(Rule.AGREEMENT_REQUIRED);
        assertThat(OWES.inGroup("ks4", "moved").agreementPending()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/agreement", "ftp://lantern.example/agreement", "not a url"})
    void anAgreementPageThatIsNotAnAbsoluteWebAddressIsRefused(String page) {
        assertThatThrownBy(() -> FilterSettings.defaults().withAgreementPage(page))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
