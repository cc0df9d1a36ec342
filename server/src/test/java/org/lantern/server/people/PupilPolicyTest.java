package org.lantern.server.people;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The policy as pupils read it ({@code /policy/pupils}), against the astley-park preset in force in tests. */
@PersistenceTest
@AutoConfigureMockMvc
class PupilPolicyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPupilReadsTheirOwnGroupsRulesInPlainWordsAndNothingStaffOnly() throws Exception {
        Authentication pupil = TestUsers.signedIn(accountService, accounts, "rules.pupil", Role.PUPIL);
        long year7 = TestPeople.pupil(jdbc, "Rules", TestPeople.unique("Pupil"));
        people.linkAccount(year7, ((AccountPrincipal) pupil.getPrincipal()).id());

        mvc.perform(get("/policy/pupils").with(authentication(pupil)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>Key Stage 3</strong>")))
                .andExpect(content().string(containsString("Online gambling</th>")))
                .andExpect(content().string(containsString("Only at certain times: Lessons")))
                .andExpect(content().string(containsString("Never: it is against the law")))
                .andExpect(content().string(containsString("Use of mobile phones in social time</th>")))
                .andExpect(content().string(containsString("href=\"/report-concern\"")))
                .andExpect(content().string(containsString("href=\"/unblock/ask\"")))
                .andExpect(content().string(not(containsString("Lower Key Stage 2"))))
                .andExpect(content().string(not(containsString("Allowed for selected staff"))))
                .andExpect(content().string(not(containsString("Sanctions"))))
                .andExpect(content().string(not(containsString("Nominated staff"))));
        mvc.perform(get("/policy").with(authentication(pupil))).andExpect(status().isForbidden());
    }

    @Test
    void staffSeeEveryPupilGroupsRules() throws Exception {
        Authentication teacher = TestUsers.signedIn(accountService, accounts, "rules.teacher", Role.STAFF);

        mvc.perform(get("/policy/pupils").with(authentication(teacher)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"col\">Foundation Stage and Key Stage 1</th>")))
                .andExpect(content().string(containsString("<th scope=\"col\">Key Stage 5 / post-16</th>")))
                .andExpect(content().string(not(containsString("<th scope=\"col\">Staff and other adults</th>"))));
    }
}
