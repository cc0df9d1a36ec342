package org.lantern.server.people;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.people.ImportPlan.FieldChange;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.server.people.PeopleTables.count;
import static org.lantern.server.people.PeopleTables.csv;
import static org.lantern.server.people.PeopleTables.fixture;

@PersistenceTest
class PeopleImportTest {

    private static final String HEADER = "Type,UPN,Legal Surname,Legal Forename,Year,Reg,Proxy Username,Staff Code,Job Title";

    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDirectory() {
        PeopleTables.clear(jdbc);
    }

    private List<Long> tableCounts() {
        return List.of(count(jdbc, "person"), count(jdbc, "network_identity"), count(jdbc, "internet_access_event"),
                count(jdbc, "people_import"));
    }

    @Test
    void dryRunListsAddsAndChangesNothing() {
        List<Long> before = tableCounts();

        ImportPlan plan = importer.plan(fixture(), "roll.csv", true);

        assertThat(plan.adds()).hasSize(6);
        assertThat(plan.errors()).isEmpty();
        assertThat(tableCounts()).isEqualTo(before);
    }

    @Test
    void applyAddsPeopleWithTheirNetworkIdentities() {
        importer.apply(fixture(), "roll.csv", false, false, "admin");

        Person oliver = people.findByProxyUsername("osmith15").orElseThrow();
        assertThat(oliver.upn()).isEqualTo("Q370400821001");
        assertThat(oliver.keyStage()).isEqualTo(KeyStage.UKS2);
        assertThat(oliver.networkIdentities()).containsExactlyInAnyOrder(
                new NetworkIdentity(NetworkIdentityType.PROXY_USERNAME, "osmith15"),
                new NetworkIdentity(NetworkIdentityType.DEVICE_IP, "10.20.15.10"));
    }

    @Test
    void everyAppliedImportIsRecordedWithWhoWhenFileAndCounts() {
        importer.apply(fixture(), "roll.csv", false, false, "admin");

        ImportRecord record = importer.history(1).getFirst();
        assertThat(record.importedBy()).isEqualTo("admin");
        assertThat(record.fileName()).isEqualTo("roll.csv");
        assertThat(record.importedAt()).isNotNull();
        assertThat(List.of(record.rowsRead(), record.added(), record.changed(), record.rejected()))
                .containsExactly(6, 6, 0, 0);
    }

    @Test
    void aFileWithErrorsIsRefusedWholeAndChangesNothing() {
        byte[] file = csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,", "Pupil,,Jones,Bea,Q,,bjones,,");
        List<Long> before = tableCounts();

        assertThatThrownBy(() -> importer.apply(file, "bad.csv", false, false, "admin"))
                .isInstanceOf(ImportHasErrorsException.class);
        assertThat(tableCounts()).isEqualTo(before);
    }

    @Test
    void applyingOnlyTheValidRowsImportsThemAndCountsTheRest() {
        byte[] file = csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,", "Pupil,,Jones,Bea,Q,,bjones,,");

        ImportResult result = importer.apply(file, "bad.csv", false, true, "admin");

        assertThat(people.list(null)).extracting(Person::legalLastName).containsExactly("Smith");
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(importer.history(1).getFirst().validOnly()).isTrue();
    }

    @Test
    void reImportReportsEachChangedFieldWithOldAndNewValue() {
        importer.apply(csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(HEADER, "Pupil,B801200005001,Smith-Jones,Ann,4,4A,asmith2,,"), "v2.csv", false);

        assertThat(plan.adds()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(change -> assertThat(change.fields()).containsExactly(
                new FieldChange("Legal surname", "Smith", "Smith-Jones"),
                new FieldChange("Year group", "Year 3", "Year 4"),
                new FieldChange("Reg group", "3A", "4A"),
                new FieldChange("Proxy username", "asmith", "asmith2")));
    }

    @Test
    void reImportAppliesTheChangesAndReplacesTheProxyUsername() {
        importer.apply(csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,"), "v1.csv", false, false, "admin");

        importer.apply(csv(HEADER, "Pupil,B801200005001,Smith,Ann,4,4A,asmith2,,"), "v2.csv", false, false, "admin");

        assertThat(people.findByProxyUsername("asmith")).isEmpty();
        assertThat(people.findByProxyUsername("asmith2").orElseThrow().yearGroup()).isEqualTo(YearGroup.Y4);
    }

    @Test
    void reImportingTheSameFileChangesNobody() {
        importer.apply(fixture(), "roll.csv", false, false, "admin");

        ImportPlan plan = importer.plan(fixture(), "roll.csv", false);

        assertThat(plan.adds()).isEmpty();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(6);
    }

    @Test
    void matchesByAdmissionNumberWhenThereIsNoUpn() {
        String header = "Adno,Legal Surname,Legal Forename,Year";
        importer.apply(csv(header, "000123,Smith,Ann,3"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(header, "000123,Smith,Ann,4"), "v2.csv", false);

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new FieldChange("Year group", "Year 3", "Year 4")));
    }

    @Test
    void matchesByAdmissionNumberWhenThePupilHasANewUpn() {
        String header = "UPN,Adno,Legal Surname,Legal Forename,Year";
        importer.apply(csv(header, ",000123,Smith,Ann,3"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(header, "B801200005001,000123,Smith,Ann,3"), "v2.csv", false);

        assertThat(plan.adds()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new FieldChange("UPN", "", "B801200005001")));
    }

    @Test
    void matchesGovernorsByProxyUsername() {
        String header = "Type,Legal Surname,Legal Forename,Role,Proxy Username";
        importer.apply(csv(header, "Governor,Governor,Gill,Parent Governor,governor"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(header, "Governor,Governor,Gill,Chair of Governors,governor"), "v2.csv", false);

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new FieldChange("Role", "Parent Governor", "Chair of Governors")));
    }

    @Test
    void matchesStaffByStaffCode() {
        importer.apply(csv(HEADER, "Staff,,Head,Hana,,,head,HHE,Deputy Head"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(HEADER, "Staff,,Head,Hana,,,head,HHE,Headteacher"), "v2.csv", false);

        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new FieldChange("Job title", "Deputy Head", "Headteacher")));
    }

    @Test
    void aFullRollImportListsPeopleNoLongerInItAsLeavers() {
        importer.apply(csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,", "Pupil,Q370400821001,Jones,Bea,3,3A,bjones,,"),
                "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,"), "v2.csv", true);

        assertThat(plan.leavers()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Bea Jones");
            assertThat(l.leavingDate()).isEqualTo(People.today());
            assertThat(l.why()).isEqualTo("missing from full-roll import");
        });
    }

    @Test
    void aFullRollOfPupilsDoesNotMakeStaffLeavers() {
        importer.apply(csv(HEADER, "Staff,,Head,Hana,,,head,HHE,Headteacher"), "staff.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,"), "pupils.csv", true);

        assertThat(plan.leavers()).isEmpty();
    }

    @Test
    void aRowWithANewLeavingDateIsListedAsALeaver() {
        String header = "UPN,Legal Surname,Legal Forename,Year,Leaving Date";
        importer.apply(csv(header, "B801200005001,Smith,Ann,13,"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(header, "B801200005001,Smith,Ann,13,18/07/2025"), "v2.csv", false);

        assertThat(plan.leavers()).extracting(ImportPlan.PlannedLeaver::why).containsExactly("leaving date in file");
    }

    @Test
    void refusesAProxyUsernameThatBelongsToSomeoneElse() {
        importer.apply(csv(HEADER, "Pupil,B801200005001,Smith,Ann,3,3A,asmith,,"), "v1.csv", false, false, "admin");

        ImportPlan plan = importer.plan(csv(HEADER, "Pupil,Q370400821001,Smith,Andy,5,5A,asmith,,"), "v2.csv", false);

        assertThat(plan.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("Proxy Username");
            assertThat(e.reason()).startsWith("already belongs to another person");
        });
    }
}
