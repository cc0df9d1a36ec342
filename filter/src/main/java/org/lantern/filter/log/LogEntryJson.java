package org.lantern.filter.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one {@link LogEntry} as the JSON line {@link LogFormat#JSON} would write (same field
 * names, nulls left out, ISO-8601 time, enum names), read back by the same Jackson reader.
 * Hand-written because a benchmark showed it must be: with Jackson's reflective serialiser the log
 * writer thread was the Squid helper's bottleneck (about 220,000 decisions a second, and far fewer
 * before Jackson's code was compiled), see docs/benchmarks.md. {@code LogEntryJsonTest} checks
 * it against Jackson field by field.
 */
final class LogEntryJson {

    private LogEntryJson() {
    }

    /**
     * @param e the entry
     * @param out receives the JSON object, without a newline
     */
    static void write(LogEntry e, ByteArrayOutputStream out) {
        StringBuilder json = new StringBuilder(384);
        json.append('{');
        field(json, "time", e.time().toString());
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
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
