package org.lantern.server.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.IncidentTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;

/**
 * Pupils and incidents for report tests. Report tests use school years long past (2011 to
 * 2013), which no other test records in, and clear only those incidents.
 */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** A pupil with a name and UPN no report may contain; returns their id. */
    static long pupil(JdbcClient jdbc, String first, String last, String upn, String yearGroup) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, upn, year_group, created_at, updated_at) "
                        + "VALUES ('PUPIL', :first, :last, :upn, :year, :now, :now)")
                .param("first", first).param("last", last).param("upn", upn).param("year", yearGroup)
                .param("now", now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Records {@code count} pupil incidents in a category at a time, with the given words. */
    static void incidents(IncidentService incidents, Authentication recorder, int count, String category,
                          OffsetDateTime at, List<Long> pupils, String description) {
        for (int i = 0; i < count; i++) {
            incidents.record(new NewIncident(SubjectType.PUPIL, category, pupils, at, "Room " + description,
                    description, description, List.of("https://" + description.toLowerCase() + ".example/")),
                    Viewer.of(recorder));
        }
    }

    /** Removes the incidents of the long-past years report tests use, with everything hanging off them. */
    static void clearPastIncidents(JdbcClient jdbc) {
        OffsetDateTime cutoff = OffsetDateTime.of(2014, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        IncidentTables.delete(jdbc, "SELECT id FROM incident WHERE occurred_at < :cutoff", Map.of("cutoff", cutoff));
    }
}
