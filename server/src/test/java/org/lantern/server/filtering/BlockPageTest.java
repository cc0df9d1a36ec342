package org.lantern.server.filtering;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FilteringTest
class BlockPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneSeesWhatWasBlockedAndWhyWithoutSigningIn() throws Exception {
        mvc.perform(get("/blocked").param("url", "http://casino.example/").param("category", "gambling")
                        .param("reason", "This page is blocked because it is in the Gambling category."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("http://casino.example/")))
                .andExpect(content().string(containsString("in the Gambling category")))
                .andExpect(content().string(containsString("/unblock/request?url=http://casino.example/")))
                .andExpect(content().string(containsString("/report-concern")))
                .andExpect(content().string(containsString("monitored")));
    }

    @Test
    void htmlInTheReasonIsShownAsText() throws Exception {
        mvc.perform(get("/blocked").param("url", "http://x.example/").param("reason", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void aVeryLongReasonIsCut() throws Exception {
        mvc.perform(get("/blocked").param("reason", "a".repeat(5000)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("a".repeat(BlockPageController.MAX_REASON) + "…")))
                .andExpect(content().string(not(containsString("a".repeat(BlockPageController.MAX_REASON + 1)))));
    }
}
