package org.lantern.server.monitoring;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/v1/monitor/classify}: the CLI's JSON per text, bounded, with illegal content masked. */
@PersistenceTest
@AutoConfigureMockMvc
class ClassifyApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    private static String body(Object texts, String ageBand) throws Exception {
        return ageBand == null ? JSON.writeValueAsString(Map.of("texts", texts))
                : JSON.writeValueAsString(Map.of("texts", texts, "ageBand", ageBand));
    }

    @Test
    @WithMockUser(authorities = "MONITOR_CLASSIFY")
    void eachTextGetsTheSameJsonAsTheCommandLineInOrder() throws Exception {
        mvc.perform(post("/api/v1/monitor/classify").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(List.of("i want to kill myself", "maths homework",
                                "is there a suicide hotline"), "primary")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(3))
                .andExpect(jsonPath("$.results[0].text").value("i want to kill myself"))
                .andExpect(jsonPath("$.results[0].level").value(5))
                .andExpect(jsonPath("$.results[0].helpSeeking").value(false))
                .andExpect(jsonPath("$.results[0].categories[0].id").value("suicide"))
                .andExpect(jsonPath("$.results[0].categories[0].phrase").value("kill myself"))
                .andExpect(jsonPath("$.results[0].categories[0].normalised").value("kil myself"))
                .andExpect(jsonPath("$.results[0].categories[0].rule").value("alone"))
                .andExpect(jsonPath("$.results[0].categories[0].library").value("lantern-suicide"))
                .andExpect(jsonPath("$.results[0].categories[0].libraryVersion").isString())
                .andExpect(jsonPath("$.results[1].level").value(0))
                .andExpect(jsonPath("$.results[1].categories.length()").value(0))
                .andExpect(jsonPath("$.results[2].helpSeeking").value(true));
    }

    @Test
    @WithMockUser(authorities = "MONITOR_CLASSIFY")
    void illegalContentIsMaskedWithANote() throws Exception {
        mvc.perform(post("/api/v1/monitor/classify").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(List.of("where to find child porn"), null)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("child"))))
                .andExpect(jsonPath("$.results[0].level").value(5))
                .andExpect(jsonPath("$.results[0].text").value("where to find c**** ****"))
                .andExpect(jsonPath("$.results[0].categories[0].id").value("illegal"))
                .andExpect(jsonPath("$.results[0].categories[0].phrase").value("c**** ****"))
                .andExpect(jsonPath("$.results[0].categories[0].note").value(ClassificationJson.MASKED_NOTE));
    }

    static Stream<Arguments> badRequests() throws Exception {
        return Stream.of(
                Arguments.of("a 1 MB text", body(List.of("a".repeat(1_000_000)), null), 413, "characters"),
                Arguments.of("a body over 1 MiB", body(List.of("a".repeat(2_000_000)), null), 413, "characters"),
                Arguments.of("too many texts", body(Collections.nCopies(ClassifyApiController.MAX_TEXTS + 1, "hi"), null),
                        413, "at most 1000 texts"),
                Arguments.of("invalid JSON", "{\"texts\": [\"unclosed", 400, "not JSON"),
                Arguments.of("no texts", "{\"texts\": []}", 400, "at least one text"),
                Arguments.of("a null text", "{\"texts\": [null]}", 400, "not null"),
                Arguments.of("an unknown age band", body(List.of("hello"), "year9"), 400,
                        "ageBand must be one of primary, ks3, ks4, post16, staff"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badRequests")
    @WithMockUser(authorities = "MONITOR_CLASSIFY")
    void aBadOrOversizedRequestIsRefusedSayingWhy(String what, String body, int status, String saying) throws Exception {
        mvc.perform(post("/api/v1/monitor/classify").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.detail").value(containsString(saying)));
    }

    @Test
    void theClassifierIsDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/monitor/classify'].post.summary")
                        .value("Classify texts as the safeguarding monitor would"));
    }
}
