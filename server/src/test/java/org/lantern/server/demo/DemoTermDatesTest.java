package org.lantern.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TermTables;
import org.lantern.server.terms.SchoolClosure;
import org.lantern.server.terms.SchoolTerm;
import org.lantern.server.terms.TermDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The demo school's term dates: seeded in December 2026 they are the English pattern for 2026/27
 * (autumn from 1 September with half-term 26 to 30 October, spring from 4 January with half-term
 * 15 to 19 February to the day before Good Friday, summer from 12 April with half-term after the
 * late-May bank holiday to 21 July), with INSET days and the May Day bank holiday; seeding the
 * same year again adds nothing; Easter falls where the almanac puts it.
 */
@PersistenceTest
class DemoTermDatesTest {

    @Autowired
    TermDates terms;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clear() {
        TermTables.clear(jdbc);
    }

    private void seededOn(String at) {
        new DemoTermDates(terms).seed(new DemoCalendar(OffsetDateTime.parse(at), new Random(1)));
    }

    @Test
    void seededThisSchoolYearTheDemoHasItsEnglishTermDatesOnce() {
        seededOn("2026-12-07T10:00:00Z");
        seededOn("2027-03-01T10:00:00Z");

        assertThat(terms.terms()).extracting(SchoolTerm::name, SchoolTerm::startsOn, SchoolTerm::endsOn,
                SchoolTerm::halfTermStart, SchoolTerm::halfTermEnd).containsExactly(
                tuple("Autumn term 2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 18),
                        LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30)),
                tuple("Spring term 2027", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 25),
                        LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19)),
                tuple("Summer term 2027", LocalDate.of(2027, 4, 12), LocalDate.of(2027, 7, 21),
                        LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 4)));
        assertThat(terms.closures()).extracting(SchoolClosure::kind, SchoolClosure::firstDay, SchoolClosure::lastDay)
                .containsExactly(
                        tuple(SchoolClosure.Kind.INSET, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2)),
                        tuple(SchoolClosure.Kind.INSET, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 4)),
                        tuple(SchoolClosure.Kind.HOLIDAY, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 3)));
    }

    @Test
    void anotherYearGetsItsOwnDatesAlongsideAndEveryYearsTermsFitTheirChecks() {
        for (int year = 2025; year <= 2040; year++) {
            TermTables.clear(jdbc);
            seededOn(year + "-10-01T10:00:00Z");
            assertThat(terms.terms()).as("school year from %d", year).hasSize(3)
                    .allSatisfy(t -> assertThat(t.halfTermStart()).isAfter(t.startsOn()).isBefore(t.endsOn()));
        }
    }

    @ParameterizedTest(name = "Easter {0}: {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easterFallsWhereTheAlmanacPutsIt(int year, LocalDate easter) {
        assertThat(DemoTermDates.easterSunday(year)).isEqualTo(easter);
    }
}
