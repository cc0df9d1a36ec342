package org.lantern.server.people.demo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.people.ImportResult;
import org.lantern.server.people.MisCsvParser;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.lantern.server.people.PeopleTables;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PersistenceTest
class DemoSchoolTest {

    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    // Made here rather than injected: demo beans exist only in demo mode.
    DemoSchool demoSchool;

    @BeforeEach
    void emptyDirectory() {
        demoSchool = new DemoSchool(importer, jdbc);
        PeopleTables.clear(jdbc);
    }

    @Test
    void generatesTheSameSchoolEveryTime() {
        assertThat(DemoSchool.csv()).isEqualTo(DemoSchool.csv());
    }

    @Test
    void theGeneratedFilePassesTheImportChecks() {
        assertThat(new MisCsvParser(People.today()).parse(DemoSchool.csv()).errors()).isEmpty();
    }

    @Test
    void loadsAboutTwoHundredPupilsThirtyStaffAndThreeGovernors() {
        demoSchool.load("demo");

        assertThat(people.list(PersonKind.PUPIL)).hasSizeBetween(190, 210);
        assertThat(people.list(PersonKind.STAFF)).hasSize(31);
        assertThat(people.list(PersonKind.GOVERNOR)).hasSize(3);
    }

    @Test
    void coversEveryYearGroupFromReceptionToYearThirteen() {
        demoSchool.load("demo");

        assertThat(people.list(PersonKind.PUPIL)).extracting(Person::yearGroup).containsAll(List.of(YearGroup.values()));
    }

    @Test
    void includesThePeopleBehindTheDemoAccounts() {
        demoSchool.load("demo");

        assertThat(people.findByProxyUsername("admin")).hasValueSatisfying(p -> assertThat(p.jobTitle()).isEqualTo("Network Manager"));
        assertThat(people.findByProxyUsername("dsl")).hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("Dee Lead"));
        assertThat(people.findByProxyUsername("head")).hasValueSatisfying(p -> assertThat(p.jobTitle()).isEqualTo("Headteacher"));
        assertThat(people.findByProxyUsername("teacher")).hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("Tom Teacher"));
        assertThat(people.findByProxyUsername("governor")).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(PersonKind.GOVERNOR));
        assertThat(people.findByProxyUsername("pupil")).hasValueSatisfying(p -> assertThat(p.yearGroup()).isEqualTo(YearGroup.Y6));
        assertThat(people.findByProxyUsername("office")).hasValueSatisfying(p -> assertThat(p.jobTitle())
                .isEqualTo("School Office Manager"));
    }

    @Test
    void loadingASecondTimeAddsAndChangesNobody() {
        demoSchool.load("demo");
        int before = people.list(null).size();

        ImportResult second = demoSchool.load("demo");

        assertThat(second.added()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(people.list(null)).hasSize(before);
    }

    @Test
    void loadingOnceAfterAnEarlierLoadImportsNothingAndAddsNoImportRow() {
        assertThat(demoSchool.loadOnce("demo")).isPresent();

        assertThat(demoSchool.loadOnce("demo")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM people_import").query(Long.class).single()).isEqualTo(1);
    }
}
