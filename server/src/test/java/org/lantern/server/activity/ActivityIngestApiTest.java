package org.lantern.server.activity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.identity.AccountException;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.ApiTokenScope;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/v1/activity/ingest} and {@code GET /api/v1/activity/sources/{source}}: a stretch of
 * a log file is stored once however often it is sent, bad lines come back with their numbers, an
 * oversized body is refused whole, and a token limited to ingest may send but nothing else.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ActivityIngestApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ActivityStore store;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    private String token;
    private String source;
    private String tag;

    @BeforeEach
    void anAdministratorsIngestToken() {
        String admin = TestPeople.unique("ingest.admin.");
        accounts.create(admin, "Ingest Admin", Role.ADMIN, "a password 1", "test");
        token = tokens.create(admin, "proxy", 1, ApiTokenScope.INGEST, "test").token();
        source = "test:" + UUID.randomUUID();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A line of Squid's access.log, a minute ago. */
    private String squid(String user, String path) {
        return (Instant.now().getEpochSecond() - 60) + ".123     45 10.9.9.9 TCP_MISS/200 1234 GET http://library.example/"
                + tag + "/" + path + " " + user + " HIER_DIRECT/192.0.2.1 text/html\n";
    }

    private MvcResult send(String body, long start) throws Exception {
        return mvc.perform(post("/api/v1/activity/ingest").param("format", "squid").param("source", source)
                        .param("start", Long.toString(start)).header("Authorization", "Bearer " + token)
                        .contentType("text/plain").content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn();
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private List<ActivityRow> stored() {
        return store.search(new ActivityQuery(null, null, null, null, null, null, null, null, tag, null, null, null),
                null, 100).rows();
    }

    @Test
    void aStretchSentTwiceIsStoredOnceAttributedAndTheSourceResumesAfterIt() throws Exception {
        long pupil = TestPeople.pupil(jdbc, "Jo", TestPeople.unique("Ingest"));
        String user = TestPeople.unique("jo.");
        people.addIdentity(pupil, NetworkIdentityType.PROXY_USERNAME, user);
        String body = squid(user, "a") + squid("-", "b") + squid(user, "c");
        assertThat(json(mvc.perform(get("/api/v1/activity/sources/" + source)
                .header("Authorization", "Bearer " + token)).andReturn()).get("offset").asLong()).isZero();

        JsonNode first = json(send(body, 0));
        JsonNode again = json(send(body, 0));

        assertThat(first.get("stored").asLong()).isEqualTo(3);
        assertThat(first.get("unattributed").asLong()).isEqualTo(1);
        assertThat(first.get("nextOffset").asLong()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(first.get("nextLine").asLong()).isEqualTo(4);
        assertThat(again.get("stored").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(3);
        assertThat(stored()).hasSize(3).filteredOn(r -> r.personId() != null).hasSize(2)
                .allSatisfy(r -> assertThat(r.personId()).isEqualTo(pupil));
        JsonNode position = json(mvc.perform(get("/api/v1/activity/sources/" + source)
                .header("Authorization", "Bearer " + token)).andReturn());
        assertThat(position.get("offset").asLong()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(position.get("known").asBoolean()).isTrue();
    }

    @Test
    void badLinesAreCountedAndReportedWithTheirLineNumbersAndTheRestIsStored() throws Exception {
        String body = squid("-", "a") + "\u0001\u0002 binary junk\n" + squid("-", "b")
                + "12.000 45 10.9.9.9 TCP_MISS/200 1234 GET http://library.example/" + tag + "/1970 - HIER_NONE/- -\n"
                + squid("-", "half written").stripTrailing();

        MvcResult result = send(body, 0);
        JsonNode answer = json(result);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.get("stored").asLong()).isEqualTo(2);
        assertThat(answer.get("bad").asLong()).isEqualTo(2);
        assertThat(answer.get("badLines").findValuesAsText("line")).containsExactly("2", "4");
        // The half-written last line is left for the next stretch.
        assertThat(answer.get("nextLine").asLong()).isEqualTo(5);
    }

    @Test
    void aStretchThatDoesNotFollowWhatIsStoredIsRefusedWithWhereToSendFrom() throws Exception {
        String body = squid("-", "a");
        send(body, 0);

        MvcResult gap = send(squid("-", "b"), body.length() + 10);

        assertThat(gap.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(gap).get("nextOffset").asLong()).isEqualTo(body.length());
    }

    private MvcResult passOver(long start, long length) throws Exception {
        return mvc.perform(post("/api/v1/activity/ingest").param("format", "squid").param("source", source)
                        .param("start", Long.toString(start)).param("overlong", Long.toString(length))
                        .header("Authorization", "Bearer " + token))
                .andReturn();
    }

    @Test
    void aLineTooLongToSendIsPassedOverAsOneBadLineAndTheNextStretchFollowsIt() throws Exception {
        String before = squid("-", "a");
        send(before, 0);
        long overlong = 5L * 1024 * 1024;

        JsonNode passed = json(passOver(before.length(), overlong));
        JsonNode after = json(send(squid("-", "b"), before.length() + overlong));

        assertThat(passed.get("bad").asLong()).isEqualTo(1);
        assertThat(passed.get("badLines").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(passed.get("nextOffset").asLong()).isEqualTo(before.length() + overlong);
        assertThat(passed.get("nextLine").asLong()).isEqualTo(3);
        assertThat(after.get("stored").asLong()).isEqualTo(1);
        assertThat(stored()).hasSize(2);
    }

    @ParameterizedTest(name = "start {0}, length {1}: {2}")
    @CsvSource({"10, 100, 409", "0, 0, 400", "0, -5, 400"})
    void aPassOverThatIsOutOfPlaceOrHasNoLengthMovesNothing(long start, long length, int status) throws Exception {
        assertThat(passOver(start, length).getResponse().getStatus()).isEqualTo(status);
        assertThat(json(mvc.perform(get("/api/v1/activity/sources/" + source)
                .header("Authorization", "Bearer " + token)).andReturn()).get("offset").asLong()).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedWhole() throws Exception {
        String line = squid("-", "x".repeat(200));
        StringBuilder body = new StringBuilder();
        while (body.length() <= 8 * 1024 * 1024) {
            body.append(line);
        }

        MvcResult result = send(body.toString(), 0);

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(json(result).get("detail").asText()).contains("8388608 bytes");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aFullTokenOfAnAccountWithThePermissionMayIngestToo() throws Exception {
        String admin = TestPeople.unique("full.admin.");
        accounts.create(admin, "Full Admin", Role.ADMIN, "a password 1", "test");
        token = tokens.create(admin, "everything", 1, "test").token();

        assertThat(json(send(squid("-", "a"), 0)).get("stored").asLong()).isEqualTo(1);
    }

    @Test
    void anIngestTokenIsRefusedForAnAccountThatMayNotIngest() {
        String dsl = TestPeople.unique("ingest.dsl.");
        accounts.create(dsl, "Ingest DSL", Role.DSL, "a password 1", "test");

        assertThatThrownBy(() -> tokens.create(dsl, "proxy", 1, ApiTokenScope.INGEST, "test"))
                .isInstanceOf(AccountException.class).hasMessageContaining("may not send the activity log in");
    }
}
