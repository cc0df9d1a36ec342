package org.lantern.filter.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The on-disk form shared by writer and reader: one JSON object per line, one file per UTC day. */
final class LogFormat {

    static final String PREFIX = "decisions-";
    static final String SUFFIX = ".jsonl";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Entries written by a newer version must still be readable by an older reader.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private LogFormat() {}

    static String fileName(LocalDate day) {
        return PREFIX + DateTimeFormatter.ISO_LOCAL_DATE.format(day) + SUFFIX;
    }

    static LocalDate dayOf(LogEntry entry) {
        return LocalDate.ofInstant(entry.time(), ZoneOffset.UTC);
    }

    static boolean isLogFile(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }
}
