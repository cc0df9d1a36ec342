package org.lantern.server.unblocking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A pupil's "ask for access" from the block page. */
@PersistenceTest
@AutoConfigureMockMvc
class UnblockAskTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Unblocks unblocks;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    /** A signed-in pupil whose account is linked to their pupil record, and that record's id. */
    private record Pupil(Authentication user, long personId) {
    }

    private Pupil pupil() {
        String username = TestPeople.unique("ask.pupil.");
        Authentication user = TestUsers.signedIn(accountService, accounts, username, Role.PUPIL);
        long personId = TestPeople.pupil(jdbc, "Asking", TestPeople.unique("Pupil"));
        people.linkAccount(personId, ((AccountPrincipal) user.getPrincipal()).id());
        return new Pupil(user, personId);
    }

    @Test
    void aPupilsRequestIsForThemAloneForThatAddressForAWeekAndTheyCanFollowIt() throws Exception {
        Pupil pupil = pupil();
        Instant before = Instant.now();

        mvc.perform(post("/unblock/ask").with(authentication(pupil.user())).with(csrf())
                        .param("url", "https://www.history-sources.example/ww2/evacuees")
                        .param("reason", "Homework on evacuees for Mr Hill"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/unblock/ask"))
                .andExpect(flash().attribute("sent", true));

        List<UnblockRequest> mine = unblocks.requestedBy(pupil.user().getName());
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(UnblockStatus.REQUESTED);
            assertThat(r.scope()).isEqualTo(Scope.URL_PREFIX);
            assertThat(r.target()).isEqualTo("www.history-sources.example/ww2/evacuees");
            assertThat(r.personIds()).containsExactly(pupil.personId());
            assertThat(r.groupIds()).isEmpty();
            assertThat(r.reason()).isEqualTo("Homework on evacuees for Mr Hill");
            assertThat(Duration.between(before, r.until())).isBetween(UnblockAskController.PERIOD.minusMinutes(1),
                    UnblockAskController.PERIOD.plusMinutes(1));
        });
        mvc.perform(get("/unblock/ask").with(authentication(pupil.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("www.history-sources.example/ww2/evacuees")))
                .andExpect(content().string(containsString("Waiting for a member of staff")));
    }

    @Test
    void aPupilWithoutAReasonIsToldAndNothingIsStored() throws Exception {
        Pupil pupil = pupil();

        mvc.perform(post("/unblock/ask").with(authentication(pupil.user())).with(csrf())
                        .param("url", "https://www.history-sources.example/").param("reason", " "))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Reason: give a reason")))
                .andExpect(content().string(containsString("https://www.history-sources.example/")));

        assertThat(unblocks.requestedBy(pupil.user().getName())).isEmpty();
    }

    @Test
    void aPupilWhoseSignInIsNotLinkedToTheirRecordIsToldWhatToDo() throws Exception {
        Authentication unlinked = TestUsers.signedIn(accountService, accounts, TestPeople.unique("ask.unlinked."),
                Role.PUPIL);

        mvc.perform(post("/unblock/ask").with(authentication(unlinked)).with(csrf())
                        .param("url", "https://www.history-sources.example/").param("reason", "Homework"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("not linked to your pupil record")));

        assertThat(unblocks.requestedBy(unlinked.getName())).isEmpty();
    }

    @Test
    void anIllegalAddressIsRefusedAndRecordedAndThePupilIsPointedToReportingAConcern() throws Exception {
        Pupil pupil = pupil();

        mvc.perform(post("/unblock/ask").with(authentication(pupil.user())).with(csrf())
                        .param("url", IllegalAddresses.SITE).param("reason", "Someone sent me this"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("can never be opened in school")))
                .andExpect(content().string(containsString("report a concern")));

        assertThat(unblocks.requestedBy(pupil.user().getName())).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(UnblockStatus.REFUSED));
    }

    @Test
    void staffAreSentOnToTheFullRequestFormWithTheAddress() throws Exception {
        Authentication teacher = TestUsers.signedIn(accountService, accounts, "ask.teacher", Role.STAFF);

        mvc.perform(get("/unblock/ask").param("url", "https://www.history-sources.example/a b")
                        .with(authentication(teacher)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/unblock/request?url=https://www.history-sources.example/a%20b"));
    }
}
