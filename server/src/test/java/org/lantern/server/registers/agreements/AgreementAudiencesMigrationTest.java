package org.lantern.server.registers.agreements;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.support.MigrationSchema;
import org.lantern.server.support.PersistenceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V48 on a register that already holds the one primary pupils' agreement: built up to the version
 * before it in a schema of its own, given two versions of the PRIMARY agreement and pupils' acceptances
 * as V31 wrote them, then migrated. Key Stage 1 gets a copy of each version with the same number and
 * text; Reception to Year 2 pupils' acceptances move to it; the PRIMARY versions become Key Stage 2's
 * with every other acceptance still on them; other audiences are untouched and nothing is lost.
 */
@PersistenceTest
class AgreementAudiencesMigrationTest {

    private static final MigrationVersion AUDIENCES = MigrationVersion.fromVersion("48");
    private static final OffsetDateTime THEN = OffsetDateTime.of(2026, 9, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @RegisterExtension
    final MigrationSchema schema = new MigrationSchema("audiences");

    private long version(String audience, int number, String kind) {
        schema.jdbc().sql("INSERT INTO " + schema.table("agreement_version") + " (audience, number, title, body, change_kind, "
                        + "change_note, created_by, created_at) VALUES (:a, :n, 'Our rules', :body, :kind, 'Note.', 'dsl', :at)")
                .param("a", audience).param("n", number).param("body", audience + " text " + number).param("kind", kind)
                .param("at", THEN.plusDays(number)).update();
        return schema.jdbc().sql("SELECT MAX(id) FROM " + schema.table("agreement_version")).query(Long.class).single();
    }

    private long pupil(String year) {
        schema.jdbc().sql("INSERT INTO " + schema.table("person") + " (kind, legal_first_name, legal_last_name, year_group, "
                        + "created_at, updated_at) VALUES ('PUPIL', 'Ada', 'Lovelace', :year, :at, :at)")
                .param("year", year).param("at", THEN).update();
        return schema.jdbc().sql("SELECT MAX(id) FROM " + schema.table("person")).query(Long.class).single();
    }

    private void accept(long person, long version) {
        schema.jdbc().sql("INSERT INTO " + schema.table("agreement_acceptance") + " (version_id, person_id, method, signed_on, "
                        + "signed_by, recorded_by, recorded_at) VALUES (:v, :p, 'PAPER', :on, '', 'office', :at)")
                .param("v", version).param("p", person).param("on", THEN.toLocalDate()).param("at", THEN).update();
    }

    /** The audience and number of the version each of the person's acceptances is against. */
    private List<String> signed(long person) {
        return schema.jdbc().sql("SELECT v.audience, v.number FROM " + schema.table("agreement_acceptance") + " a JOIN "
                        + schema.table("agreement_version") + " v ON v.id = a.version_id WHERE a.person_id = :p "
                        + "ORDER BY v.number")
                .param("p", person).query((rs, n) -> rs.getString(1) + " " + rs.getInt(2)).list();
    }

    private List<String> versions(String audience) {
        return schema.jdbc().sql("SELECT number, body, change_kind FROM " + schema.table("agreement_version")
                        + " WHERE audience = :a ORDER BY number").param("a", audience)
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
    }

    @Test
    void theYoungestPupilsMoveToAKeyStage1CopyAndEveryoneElseKeepsTheirVersionAsKeyStage2() {
        schema.migrateToJustBefore(AUDIENCES);
        long first = version("PRIMARY", 1, "FIRST");
        long corrected = version("PRIMARY", 2, "CORRECTION");
        long ks3 = version("KS3", 1, "FIRST");
        long reception = pupil("R");
        long year2 = pupil("2");
        long year3 = pupil("3");
        long year6 = pupil("6");
        long noYear = pupil(null);
        long year7 = pupil("7");
        accept(reception, first);
        accept(year2, corrected);
        accept(year3, first);
        accept(year3, corrected);
        accept(year6, corrected);
        accept(noYear, first);
        accept(year7, ks3);

        schema.migrateTo("48");

        assertThat(versions("PRIMARY")).isEmpty();
        assertThat(versions("KS1")).containsExactly("1 PRIMARY text 1 FIRST", "2 PRIMARY text 2 CORRECTION");
        assertThat(versions("KS2")).containsExactly("1 PRIMARY text 1 FIRST", "2 PRIMARY text 2 CORRECTION");
        assertThat(signed(reception)).containsExactly("KS1 1");
        assertThat(signed(year2)).containsExactly("KS1 2");
        assertThat(signed(year3)).containsExactly("KS2 1", "KS2 2");
        assertThat(signed(year6)).containsExactly("KS2 2");
        assertThat(signed(noYear)).containsExactly("KS2 1");
        assertThat(signed(year7)).containsExactly("KS3 1");
        assertThat(schema.jdbc().sql("SELECT COUNT(*) FROM " + schema.table("agreement_acceptance")).query(Long.class).single())
                .isEqualTo(7);
    }
}
