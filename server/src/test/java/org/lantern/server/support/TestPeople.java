package org.lantern.server.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Pupils and staff in the people directory, and names that no other test uses. Test classes share
 * one database, so a test that looks a person up by name makes the name unique first.
 */
public final class TestPeople {

    private TestPeople() {
    }

    /** {@code prefix} and eight random letters or digits. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Inserts a Year 7 pupil and returns their id. */
    public static long pupil(JdbcClient jdbc, String first, String last) {
        return person(jdbc, "PUPIL", first, last);
    }

    /** Inserts a person of the given kind ({@code PUPIL} in Year 7, or {@code STAFF}) and returns their id. */
    public static long person(JdbcClient jdbc, String kind, String first, String last) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, created_at, updated_at) "
                        + "VALUES (:kind, :first, :last, :year, :now, :now)")
                .param("kind", kind).param("first", first).param("last", last)
                .param("year", "PUPIL".equals(kind) ? "7" : null).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }
}
