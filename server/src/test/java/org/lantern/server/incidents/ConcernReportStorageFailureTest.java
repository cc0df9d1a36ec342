package org.lantern.server.incidents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * When the database cannot store a pupil's report, the child is told so with everything they wrote
 * still in the form, and their words reach no log: the database's own message quotes them.
 */
@PersistenceTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ConcernReportStorageFailureTest {

    private static final String WORDS = "He said he would share the photo unless I sent more";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ConcernReports reports;

    @Test
    void aFailedStoreKeepsTheChildsWordsInTheFormAndOutOfTheLog(CapturedOutput output) throws Exception {
        when(reports.report(any(), any())).thenThrow(new DataIntegrityViolationException(
                "Value too long for column \"LOCATION\": '" + WORDS + "'"));

        MvcResult result = mvc.perform(post("/report-concern").param("what", WORDS).param("anonymous", "true")
                .with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getContentAsString()).contains("nothing you wrote is lost", WORDS);
        assertThat(output.getAll()).contains("A pupil's report could not be stored").doesNotContain(WORDS);
    }
}
