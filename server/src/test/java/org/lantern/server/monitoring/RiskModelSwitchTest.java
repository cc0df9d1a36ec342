package org.lantern.server.monitoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lantern.monitor.model.RiskModel;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The risk model in the server: on by default, where the classify API explains its reading like a
 * phrase and "What Lantern monitors" says it is in use; {@code lantern.monitor.model=false} leaves
 * the phrases alone, and the page says nothing of a model.
 */
class RiskModelSwitchTest {

    /** No phrase of the libraries finds it at act-now; the model reads it as suicide, level 4. */
    static final String UNSAID = "i cant do this anymore, everyone would be better off if i just disappeared for good";

    private static ResultActions classify(MockMvc mvc) throws Exception {
        return mvc.perform(post("/api/v1/monitor/classify").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(new ObjectMapper().writeValueAsString(Map.of("texts", List.of(UNSAID)))))
                .andExpect(status().isOk());
    }

    @Nested
    @PersistenceTest
    @AutoConfigureMockMvc
    class On {

        @Autowired
        MockMvc mvc;

        @Test
        @WithMockUser(authorities = "MONITOR_CLASSIFY")
        void aReadingIsOneMoreExplainedCategory() throws Exception {
            classify(mvc).andExpect(jsonPath("$.results[0].level").value(4))
                    .andExpect(jsonPath("$.results[0].categories[-1].id").value("suicide"))
                    .andExpect(jsonPath("$.results[0].categories[-1].library").value(RiskModel.NAME))
                    .andExpect(jsonPath("$.results[0].categories[-1].libraryVersion").value(RiskModel.VERSION))
                    .andExpect(jsonPath("$.results[0].categories[-1].rule").value(containsString("model:")));
        }

        @Test
        void thePublicPageSaysTheModelIsInUse() throws Exception {
            mvc.perform(get("/what-lantern-monitors")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"model\"")))
                    .andExpect(content().string(containsString(RiskModel.NAME + " " + RiskModel.VERSION)));
        }
    }

    @Nested
    @PersistenceTest
    @AutoConfigureMockMvc
    @TestPropertySource(properties = "lantern.monitor.model=false")
    class Off {

        @Autowired
        MockMvc mvc;

        @Test
        @WithMockUser(authorities = "MONITOR_CLASSIFY")
        void thePhrasesAloneClassify() throws Exception {
            classify(mvc).andExpect(jsonPath("$.results[0].level").value(lessThan(3)))
                    .andExpect(content().string(not(containsString(RiskModel.NAME))));
        }

        @Test
        void thePublicPageSaysNothingOfAModel() throws Exception {
            mvc.perform(get("/what-lantern-monitors")).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"model\""))))
                    .andExpect(content().string(not(containsString(RiskModel.NAME))));
        }
    }
}
