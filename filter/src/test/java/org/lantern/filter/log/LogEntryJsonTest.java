package org.lantern.filter.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Rule;

class LogEntryJsonTest {

    private static String handWritten(LogEntry entry) {
        StringBuilder json = new StringBuilder();
        new LogEntryJson().write(entry, json);
        return json.toString();
    }

    private static LogEntry at(Instant time) {
        return new LogEntry(time, null, null, "default", null, "GET", "http://fine.example/", Action.ALLOW,
                Rule.NO_MATCH, null, null, null, null, null, null, 0L, null, false, null);
    }

    @Test
    void everyFieldIsWrittenAsJacksonWritesIt() throws Exception {
        LogEntry entry = new LogEntry(Instant.parse("2025-01-06T10:00:00.123456789Z"), "alice", "p-1", "pupils",
                "10.1.0.7", "GET", "http://bad.example/x?q=1", Action.BLOCK_AND_ALERT, Rule.POLICY, "gambling",
                "ut1/gambling", "bad.example", "act-1", "not-acceptable", "ex-1", 42L, "cats", true, "Blocked.");

        assertThat(LogFormat.JSON.readTree(handWritten(entry))).isEqualTo(LogFormat.JSON.readTree(
                LogFormat.JSON.writeValueAsString(entry)));
    }

    @Test
    void nullFieldsAreLeftOutAsJacksonLeavesThemOut() throws Exception {
        LogEntry entry = at(Instant.parse("2025-01-06T10:00:00Z"));

        assertThat(LogFormat.JSON.readTree(handWritten(entry))).isEqualTo(LogFormat.JSON.readTree(
                LogFormat.JSON.writeValueAsString(entry)));
    }

    @Test
    void quotesBackslashesControlCharactersAndNonAsciiSurviveTheRoundTrip() throws Exception {
        LogEntry entry = new LogEntry(Instant.parse("2025-01-06T10:00:00Z"), "zoë \"z\" \\ o'neil",
                null, null, null, "GET", "http://x.example/\u0001\t\n\r\u001f/é/\u2028/😀", Action.ALLOW,
                Rule.NO_MATCH, null, null, null, null, null, null, 0L, "a\u0000b", false, null);

        LogEntry read = LogFormat.JSON.readValue(handWritten(entry), LogEntry.class);

        assertThat(read).isEqualTo(entry);
    }

    @Test
    void timesAreWrittenAsJacksonWritesThemWhateverTheirPrecisionAndWhenSecondsRepeat() throws Exception {
        LogEntryJson json = new LogEntryJson();
        List<Instant> times = List.of(Instant.parse("2025-01-06T10:00:00Z"), Instant.parse("2025-01-06T10:00:00.5Z"),
                Instant.parse("2025-01-06T10:00:00.000120Z"), Instant.parse("2025-01-06T10:00:00.000000007Z"),
                Instant.parse("2025-01-06T10:00:01.999999999Z"), Instant.parse("1969-12-31T23:59:59.001Z"),
                Instant.parse("+12025-01-06T10:00:00.010Z"));

        for (Instant time : times) {
            StringBuilder written = new StringBuilder();
            json.write(at(time), written);
            String jackson = LogFormat.JSON.writeValueAsString(at(time));
            assertThat(LogFormat.JSON.readTree(written.toString()).get("time").asText())
                    .isEqualTo(LogFormat.JSON.readTree(jackson).get("time").asText());
        }
    }
}
