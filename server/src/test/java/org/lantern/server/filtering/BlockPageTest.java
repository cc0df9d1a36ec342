package org.lantern.server.filtering;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.proxy.block.BlockLinkSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FilteringTest
class BlockPageTest {

    private static final String QUERY = "url=http%3A%2F%2Fcasino.example%2F&category=gambling"
            + "&reason=This+page+is+blocked+because+it+is+in+the+Gambling+category.";

    @Autowired
    MockMvc mvc;
    @Autowired
    BlockLinkSigner signer;

    private ResultActions open(String query) throws Exception {
        // Set as it is, not through a URI template: the query must reach the page exactly as signed.
        return mvc.perform(get("/blocked").with(request -> {
            request.setQueryString(query);
            return request;
        })).andExpect(status().isOk());
    }

    @Test
    void anyoneSeesWhatTheFilterDecidedWithoutSigningIn() throws Exception {
        open(signer.sign(QUERY, Instant.now()))
                .andExpect(content().string(containsString("http://casino.example/")))
                .andExpect(content().string(containsString("in the Gambling category")))
                .andExpect(content().string(containsString("/unblock/ask?url=http://casino.example/")))
                .andExpect(content().string(containsString("/report-concern?url=http://casino.example/")))
                .andExpect(content().string(containsString("/policy/pupils")))
                .andExpect(content().string(containsString("monitored")));
    }

    /** Unsigned, re-signed by another key, edited after signing, or too old: none of it is shown. */
    @ParameterizedTest
    @ValueSource(strings = {"unsigned", "other key", "edited", "expired"})
    void aBlockPageTheFilterDidNotSignShowsNothingItWasGiven(String how) throws Exception {
        String query = switch (how) {
            case "unsigned" -> QUERY;
            case "other key" -> new BlockLinkSigner(new byte[32]).sign(QUERY, Instant.now());
            case "edited" -> signer.sign(QUERY, Instant.now()).replace("Gambling", "Phishing");
            default -> signer.sign(QUERY, Instant.now().minus(BlockLinkSigner.VALID_FOR).minusSeconds(60));
        };
        open(query)
                .andExpect(content().string(containsString("The school's internet filter stopped a page.")))
                .andExpect(content().string(not(containsString("casino.example"))))
                .andExpect(content().string(not(containsString("Gambling"))))
                .andExpect(content().string(not(containsString("Phishing"))))
                .andExpect(content().string(not(containsString("gambling"))))
                .andExpect(content().string(containsString("href=\"/unblock/ask\"")))
                .andExpect(content().string(containsString("href=\"/report-concern\"")));
    }

    @Test
    void htmlInASignedReasonIsShownAsText() throws Exception {
        open(signer.sign("url=http%3A%2F%2Fx.example%2F&reason=%3Cscript%3Ealert(1)%3C%2Fscript%3E", Instant.now()))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void aVeryLongReasonIsCut() throws Exception {
        open(signer.sign("reason=" + "a".repeat(5000), Instant.now()))
                .andExpect(content().string(containsString("a".repeat(BlockPageController.MAX_REASON) + "…")))
                .andExpect(content().string(not(containsString("a".repeat(BlockPageController.MAX_REASON + 1)))));
    }

    @Test
    void aStrayPercentInASignedQueryLeavesThatValueOut() throws Exception {
        open(signer.sign("url=http://x.example/100%&category=games", Instant.now()))
                .andExpect(content().string(containsString("Category: <span class=\"blocked-category\">games</span>")))
                .andExpect(content().string(not(containsString("x.example"))));
    }
}
