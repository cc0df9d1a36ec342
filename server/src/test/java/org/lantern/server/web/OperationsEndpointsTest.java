package org.lantern.server.web;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class OperationsEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsPublicAndReportsTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"openapi\"")));
    }
}
