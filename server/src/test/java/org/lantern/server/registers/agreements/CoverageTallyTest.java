package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.people.PersonKind;
import org.lantern.server.people.YearGroup;
import org.lantern.server.registers.agreements.AgreementCoverage.Count;
import org.lantern.server.registers.agreements.AgreementCoverage.Entry;
import org.lantern.server.registers.agreements.CoverageTally.Signature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who counts as signed and how coverage is counted, without a database: the signature that counts
 * is the latest of the version that must be signed or a later one, counts by year and class leave
 * out who has neither, and the unsigned list filters and orders as the office reads it.
 */
class CoverageTallyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    @ParameterizedTest(name = "signed version {0} when version {1} must be signed: signed {2}")
    @CsvSource(nullValues = "none", value = {
            "1,1,true", "2,1,true", "3,2,true", "1,2,false", "2,3,false",
            // An audience with no version yet has nobody signed, whatever they signed before.
            "1,none,false"})
    void aSignatureCountsOnlyForTheVersionThatMustBeSignedOrALaterOne(int signed, Integer needed, boolean counts) {
        Entry e = entry(new Signature(signed, DAY), needed);

        assertThat(e.signed()).isEqualTo(counts);
        assertThat(e.signedOn()).isEqualTo(counts ? DAY : null);
        assertThat(e.number()).isEqualTo(counts ? signed : 0);
    }

    @Test
    void someoneWhoNeverSignedIsUnsignedWithVersionNought() {
        Entry e = entry(null, 1);

        assertThat(e.signed()).isFalse();
        assertThat(e.signedOn()).isNull();
        assertThat(e.number()).isZero();
    }

    @ParameterizedTest(name = "{0} and {1}: the later is {2}")
    @CsvSource({
            "1@2026-09-01, 2@2026-08-31, 2@2026-08-31",
            "2@2026-08-31, 1@2026-09-01, 2@2026-08-31",
            "1@2024-02-28, 1@2024-02-29, 1@2024-02-29",
            "1@2024-02-29, 1@2024-02-28, 1@2024-02-29",
            "3@2026-12-31, 3@2026-12-31, 3@2026-12-31"})
    void theLaterSignatureIsTheHigherVersionThenTheLaterDate(String a, String b, String later) {
        assertThat(Signature.later(signature(a), signature(b))).isEqualTo(signature(later));
    }

    @Test
    void aCountIsOfThoseSignedOutOfAllWithWholePercentRoundedDown() {
        Count count = CoverageTally.count("Year 7", List.of(signed("A", YearGroup.Y7, "7A"),
                unsigned("B", YearGroup.Y7, "7A"), unsigned("C", YearGroup.Y7, "7B")));

        assertThat(count).isEqualTo(new Count("Year 7", 1, 3));
        assertThat(count.unsigned()).isEqualTo(2);
        assertThat(count.percent()).isEqualTo(33);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}%")
    @CsvSource({"0,0,0", "0,5,0", "5,5,100", "2,3,66", "1,200,0", "199,200,99"})
    void aPercentIsWholeAndRoundedDownSoNobodyLooksDoneTooSoon(int signed, int total, int percent) {
        assertThat(new Count("x", signed, total).percent()).isEqualTo(percent);
    }

    @Test
    void anEmptyAudienceCountsNoneOfNone() {
        assertThat(CoverageTally.count("Visitors", List.of())).isEqualTo(new Count("Visitors", 0, 0));
        assertThat(CoverageTally.byYear(List.of())).isEmpty();
        assertThat(CoverageTally.byClass(List.of())).isEmpty();
        assertThat(CoverageTally.unsigned(List.of(), null, null, null)).isEmpty();
    }

    @Test
    void yearsAreCountedYoungestFirstAndAdultsAreLeftOut() {
        List<Entry> entries = List.of(signed("A", YearGroup.Y10, "10A"), unsigned("B", YearGroup.R, "RB"),
                unsigned("C", YearGroup.Y10, "10A"), adult("D", Audience.STAFF, false));

        assertThat(CoverageTally.byYear(entries))
                .containsExactly(new Count("Reception", 0, 1), new Count("Year 10", 1, 2));
    }

    @Test
    void classesAreCountedInAlphabeticalOrderAndNoneOrABlankClassIsLeftOut() {
        List<Entry> entries = List.of(signed("A", YearGroup.Y8, "8B"), unsigned("B", YearGroup.Y8, "8A"),
                unsigned("C", YearGroup.Y8, " "), unsigned("D", YearGroup.Y8, null), signed("E", YearGroup.Y8, "8A"));

        assertThat(CoverageTally.byClass(entries)).containsExactly(new Count("8A", 1, 2), new Count("8B", 1, 1));
    }

    @Test
    void theUnsignedAreOrderedByAudienceYearWithAdultsLastClassWithNoneLastThenName() {
        List<Entry> entries = List.of(adult("Zed Staff", Audience.STAFF, false), adult("Amy Staff", Audience.STAFF, false),
                unsigned("Cat", YearGroup.Y9, null), unsigned("Bea", YearGroup.Y9, "9A"), unsigned("Abe", YearGroup.Y7, "7Z"),
                signed("Signed", YearGroup.Y7, "7A"), adult("Signed Staff", Audience.STAFF, true));

        assertThat(CoverageTally.unsigned(entries, null, null, null)).extracting(Entry::name)
                .containsExactly("Abe", "Bea", "Cat", "Amy Staff", "Zed Staff");
    }

    @ParameterizedTest(name = "class \"{0}\" lists {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none|Abe,Bea,Cat", "''|Abe,Bea,Cat", "'   '|Abe,Bea,Cat", "7A|Abe", "7a|Abe", "' 7A '|Abe", "9Z|''",
            "<b>7A</b>|''"})
    void aClassFilterIgnoresCaseAndSpacesAndBlankIsEveryClass(String className, String names) {
        List<Entry> entries = List.of(unsigned("Abe", YearGroup.Y7, "7A"), unsigned("Bea", YearGroup.Y7, "7B"),
                unsigned("Cat", YearGroup.Y7, null));

        assertThat(CoverageTally.unsigned(entries, null, null, className)).extracting(Entry::name)
                .containsExactlyElementsOf(names.isEmpty() ? List.of() : List.of(names.split(",")));
    }

    @ParameterizedTest
    @EnumSource(Audience.class)
    void anAudienceFilterListsOnlyThatAudiencesUnsigned(Audience audience) {
        List<Entry> entries = List.of(adult("Staff", Audience.STAFF, false), adult("Visitor", Audience.VISITORS, false),
                unsigned("Pupil", YearGroup.Y7, "7A"), parent("Parent", YearGroup.Y7));

        List<Entry> listed = CoverageTally.unsigned(entries, audience, null, null);

        assertThat(listed).extracting(Entry::audience).isSubsetOf(audience);
        assertThat(listed).hasSize(entries.stream().filter(e -> e.audience() == audience).toList().size());
    }

    @Test
    void aYearFilterListsOnlyThatYearSoAdultsDropOut() {
        List<Entry> entries = List.of(adult("Staff", Audience.STAFF, false), unsigned("Seven", YearGroup.Y7, "7A"),
                unsigned("Eight", YearGroup.Y8, "8A"), parent("Parent of seven", YearGroup.Y7));

        assertThat(CoverageTally.unsigned(entries, null, YearGroup.Y7, null)).extracting(Entry::name)
                .containsExactly("Seven", "Parent of seven");
    }

    @ParameterizedTest(name = "{0} in {1} signs {2}")
    @CsvSource(nullValues = "none", value = {
            "PUPIL,Y7,KS3 PARENTS", "PUPIL,Y9,KS3 PARENTS",
            "PUPIL,Y10,KS4 PARENTS", "PUPIL,Y11,KS4 PARENTS", "PUPIL,Y12,POST16 PARENTS", "PUPIL,Y13,POST16 PARENTS",
            "PUPIL,none,PARENTS", "STAFF,none,STAFF", "GOVERNOR,none,GOVERNORS", "VISITOR,none,VISITORS",
            "STAFF,Y7,STAFF"})
    void eachPersonSignsTheirOwnAgreementAndAPupilsParentsSignTheirs(PersonKind kind, YearGroup year, String signs) {
        assertThat(Audience.of(kind, year)).extracting(Audience::name).containsExactly(signs.split(" "));
    }

    private static Signature signature(String numberAtDay) {
        String[] parts = numberAtDay.strip().split("@");
        return new Signature(Integer.parseInt(parts[0]), LocalDate.parse(parts[1]));
    }

    private static Entry entry(Signature latest, Integer needed) {
        return CoverageTally.entry(1, "Ada Lovelace", PersonKind.PUPIL, YearGroup.Y7, "7A", Audience.KS3, latest, needed);
    }

    private static Entry signed(String name, YearGroup year, String className) {
        return new Entry(1, name, PersonKind.PUPIL, year, className, Audience.own(PersonKind.PUPIL, year).orElseThrow(),
                DAY, 1);
    }

    private static Entry unsigned(String name, YearGroup year, String className) {
        return new Entry(1, name, PersonKind.PUPIL, year, className, Audience.own(PersonKind.PUPIL, year).orElseThrow(),
                null, 0);
    }

    private static Entry parent(String name, YearGroup year) {
        return new Entry(1, name, PersonKind.PUPIL, year, null, Audience.PARENTS, null, 0);
    }

    private static Entry adult(String name, Audience audience, boolean signed) {
        return new Entry(1, name, PersonKind.STAFF, null, null, audience, signed ? DAY : null, signed ? 1 : 0);
    }
}
