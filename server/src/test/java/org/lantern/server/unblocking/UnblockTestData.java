package org.lantern.server.unblocking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lantern.filter.decision.UnblockException.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Drafts and directory rows the unblocking tests share. */
final class UnblockTestData {

    private UnblockTestData() {
    }

    /** A valid request for Key Stage 4 for a week, starting now. */
    static UnblockDraft draft(String url, Instant now) {
        return new UnblockDraft(url, Scope.DOMAIN, List.of("ks4"), List.of(), "Year 10 maths: probability and gambling",
                null, now.plus(Duration.ofDays(7)));
    }

    /** Adds a pupil to the directory and returns their id. */
    static long pupil(JdbcClient jdbc, String first, String last) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, internet_access, created_at, updated_at) "
                        + "VALUES ('PUPIL', :first, :last, TRUE, :now, :now)")
                .param("first", first).param("last", last).param("now", now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
