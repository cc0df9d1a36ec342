package org.lantern.filter.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The on-disk form shared by writer and reader: one JSON object per line, one file per UTC day. */
final class LogFormat {

    static final String PREFIX = "decisions-";
    static final String SUFFIX = ".jsonl";

    private static final long SECONDS_PER_DAY = 86_400;

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

    /** @return the UTC day {@code time} falls on, as {@link LocalDate#toEpochDay()} counts days */
    static long epochDay(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), SECONDS_PER_DAY);
    }

    static boolean isLogFile(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }
}
