package org.lantern.filter.log;

import java.time.Instant;

/**
 * Writes one {@link LogEntry} as the JSON line {@link LogFormat#JSON} would write (same field
 * names, nulls left out, ISO-8601 time, enum names), read back by the same Jackson reader.
 * Hand-written because a benchmark showed it must be: with Jackson's reflective serialiser the log
 * writer thread was the Squid helper's bottleneck (about 220,000 decisions a second, and far fewer
 * before Jackson's code was compiled), see docs/benchmarks.md. For the same reason strings without
 * characters to escape are copied whole, and the date and time of day are formatted once per second
 * rather than once per entry ({@link Instant#toString()} was a tenth of the writer's time).
 * {@code LogEntryJsonTest} checks it against Jackson field by field. Not thread-safe: one per writer.
 */
final class LogEntryJson {

    private long second = Long.MIN_VALUE;
    private String secondText;

    /**
     * @param e the entry
     * @param json receives the JSON object, without a newline
     */
    void write(LogEntry e, StringBuilder json) {
        json.append("{\"time\":\"");
        time(e.time(), json);
        json.append('"');
        field(json, "user", e.user());
        field(json, "personId", e.personId());
        field(json, "groupId", e.groupId());
        field(json, "clientIp", e.clientIp());
        field(json, "method", e.method());
        field(json, "url", e.url());
        field(json, "action", e.action().name());
        field(json, "rule", e.rule().name());
        field(json, "category", e.category());
        field(json, "list", e.list());
        field(json, "entry", e.entry());
        field(json, "activity", e.activity());
        field(json, "level", e.level());
        field(json, "exceptionId", e.exceptionId());
        json.append(",\"policyVersion\":").append(e.policyVersion());
        field(json, "searchTerm", e.searchTerm());
        json.append(",\"bypassAttempt\":").append(e.bypassAttempt());
        field(json, "reason", e.reason());
        json.append('}');
    }

    /** As {@link Instant#toString()}: whole seconds, then 3, 6 or 9 fraction digits as needed, then Z. */
    private void time(Instant time, StringBuilder json) {
        if (time.getEpochSecond() != second) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString();
            secondText = whole.substring(0, whole.length() - 1);
            second = time.getEpochSecond();
        }
        json.append(secondText);
        int nano = time.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 1_000 == 0) {
                nano /= 1_000;
                digits -= 3;
            }
            json.append('.');
            int end = json.length() + digits;
            json.setLength(end);
            for (int i = end - 1; i >= end - digits; i--, nano /= 10) {
                json.setCharAt(i, (char) ('0' + nano % 10));
            }
        }
        json.append('Z');
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        json.append(",\"").append(name).append("\":\"");
        int copied = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, copied, i);
            copied = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(String.format("\\u%04x", (int) c));
            }
        }
        json.append(value, copied, value.length());
        json.append('"');
    }
}
