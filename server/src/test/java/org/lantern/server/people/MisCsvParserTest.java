package org.lantern.server.people;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MisCsvParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private final MisCsvParser parser = new MisCsvParser(TODAY);

    private static byte[] fixture() throws IOException {
        try (InputStream in = MisCsvParserTest.class.getResourceAsStream("/people/mis-export.csv")) {
            return in.readAllBytes();
        }
    }

    private ParsedFile parse(String... lines) {
        return parser.parse(String.join("\n", lines));
    }

    @Test
    void readsAnExportWithByteOrderMarkWindowsLineEndingsQuotedFieldsAndBlankLines() throws IOException {
        ParsedFile file = parser.parse(fixture());

        assertThat(file.errors()).isEmpty();
        assertThat(file.rowsRead()).isEqualTo(6);
        assertThat(file.rows()).extracting(ImportRow::legalLastName)
                .containsExactly("Smith", "O'Brien, Jr", "Patel", "Head", "Governor", "Taylor");
        assertThat(file.columns()).contains(MisColumn.TYPE, MisColumn.UPN, MisColumn.EMAIL);
    }

    @Test
    void readsEveryFieldOfAPupilRow() throws IOException {
        ImportRow oliver = parser.parse(fixture()).rows().getFirst();

        assertThat(oliver).isEqualTo(new ImportRow(2, PersonKind.PUPIL, "Oliver", "Smith", "Olly", "001001",
                "Q370400821001", LocalDate.of(2015, 3, 14), YearGroup.Y5, "5A", null, null, null, null,
                LocalDate.of(2019, 9, 1), null, "osmith15", "10.20.15.10", null));
    }

    @Test
    void readsEveryFieldOfAStaffRow() throws IOException {
        ImportRow hana = parser.parse(fixture()).rows().get(3);

        assertThat(hana.kind()).isEqualTo(PersonKind.STAFF);
        assertThat(hana.staffCode()).isEqualTo("ST001");
        assertThat(hana.jobTitle()).isEqualTo("Headteacher");
        assertThat(hana.staffRole()).isEqualTo("Senior Leadership");
        assertThat(hana.email()).isEqualTo("hana.head@school.example");
    }

    @Test
    void numbersRowsAsASpreadsheetDoesCountingTheHeaderAndBlankLines() throws IOException {
        assertThat(parser.parse(fixture()).rows()).extracting(ImportRow::row).containsExactly(2, 3, 5, 6, 7, 8);
    }

    @ParameterizedTest(name = "header \"{0}\" is {1}")
    @CsvSource({"UPN, UPN", "Adno, ADMISSION_NUMBER", "Admission Number, ADMISSION_NUMBER",
            "Legal Surname, SURNAME", "Surname, SURNAME", "Legal Forename, FORENAME", "Forename, FORENAME",
            "Preferred Forename, PREFERRED_FORENAME", "DOB, DATE_OF_BIRTH", "Date of Birth, DATE_OF_BIRTH",
            "Year, YEAR", "NC Year, YEAR", "Year Group, YEAR", "Reg, REG_GROUP", "Reg Group, REG_GROUP",
            "Class, REG_GROUP", "Staff Code, STAFF_CODE", "Job Title, JOB_TITLE", "Role, ROLE",
            "Start Date, START_DATE", "Admission Date, START_DATE", "Leaving Date, LEAVING_DATE",
            "Proxy Username, PROXY_USERNAME", "Username, PROXY_USERNAME", "Device IP, DEVICE_IP", "Email, EMAIL",
            "Type, TYPE", "Kind, TYPE", "LEGAL_SURNAME, SURNAME", "date of birth, DATE_OF_BIRTH"})
    void recognisesMisHeaderAliasesIgnoringCaseAndPunctuation(String header, MisColumn column) {
        assertThat(MisColumn.forHeader(header)).contains(column);
    }

    @Test
    void readsAnArborStyleExportUsingTheAlternativeHeaders() {
        ParsedFile file = parse("Surname,Forename,Admission Number,Date of Birth,NC Year,Class,Admission Date,Username",
                "Jones,Ruby,A123,2016-02-29,Year 4,4J,01/09/2020,rjones20");

        assertThat(file.errors()).isEmpty();
        ImportRow ruby = file.rows().getFirst();
        assertThat(ruby.kind()).isEqualTo(PersonKind.PUPIL);
        assertThat(ruby.admissionNumber()).isEqualTo("A123");
        assertThat(ruby.dateOfBirth()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(ruby.yearGroup()).isEqualTo(YearGroup.Y4);
        assertThat(ruby.registrationClass()).isEqualTo("4J");
        assertThat(ruby.startDate()).isEqualTo(LocalDate.of(2020, 9, 1));
        assertThat(ruby.proxyUsername()).isEqualTo("rjones20");
    }

    @Test
    void infersAPupilFromAUpnWhenThereIsNoTypeColumn() {
        assertThat(parse("Surname,Forename,UPN", "Smith,Ann,B801200005001").rows().getFirst().kind())
                .isEqualTo(PersonKind.PUPIL);
    }

    @Test
    void infersStaffFromAStaffCodeWhenThereIsNoTypeColumn() {
        assertThat(parse("Surname,Forename,Staff Code", "Smith,Ann,ASM").rows().getFirst().kind())
                .isEqualTo(PersonKind.STAFF);
    }

    @Test
    void reportsABadDateWithRowColumnAndValue() {
        assertThat(parse("Surname,Forename,Year,DOB", "Smith,Ann,3,31/02/2017").errors())
                .containsExactly(new RowError(2, "DOB", "31/02/2017", "bad date (use dd/mm/yyyy or yyyy-mm-dd)"));
    }

    @Test
    void reportsADateOfBirthInTheFuture() {
        assertThat(parse("Surname,Forename,Year,DOB", "Smith,Ann,3,01/01/2027").errors())
                .extracting(RowError::reason).containsExactly("date of birth is in the future");
    }

    @Test
    void reportsAnUnknownYearGroup() {
        assertThat(parse("Surname,Forename,NC Year", "Smith,Ann,Year 14").errors())
                .containsExactly(new RowError(2, "NC Year", "Year 14", "unknown year group (use R for Reception or 1 to 13)"));
    }

    @Test
    void reportsADuplicateUpnInTheFileOnTheSecondRow() {
        assertThat(parse("Surname,Forename,UPN", "Smith,Ann,B801200005001", "Jones,Bea,B801200005001").errors())
                .containsExactly(new RowError(3, "UPN", "B801200005001", "duplicate UPN in file (also on row 2)"));
    }

    @Test
    void reportsAMissingSurname() {
        assertThat(parse("Legal Surname,Legal Forename,Year", ",Ann,3").errors())
                .containsExactly(new RowError(2, "Legal Surname", "", "missing surname"));
    }

    @Test
    void reportsAnInvalidUpnCheckLetter() {
        assertThat(parse("Surname,Forename,UPN", "Smith,Ann,A801200005001").errors())
                .containsExactly(new RowError(2, "UPN", "A801200005001", "invalid UPN check letter (expected B)"));
    }

    @Test
    void reportsATooLongField() {
        String longName = "x".repeat(101);
        assertThat(parse("Surname,Forename,Year", longName + ",Ann,3").errors())
                .containsExactly(new RowError(2, "Surname", "x".repeat(80) + "…", "too long (at most 100 characters)"));
    }

    @Test
    void reportsAnUnknownType() {
        assertThat(parse("Type,Surname,Forename", "Parent,Smith,Ann").errors())
                .extracting(RowError::column, RowError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Type", "unknown type (use Pupil, Staff, Governor or Visitor)"));
    }

    @Test
    void refusesAFileWithoutNameColumns() {
        assertThat(parse("UPN,Year", "B801200005001,3").errors())
                .extracting(RowError::row).containsExactly(1);
    }

    @Test
    void refusesAFileWithAStrayQuoteNamingItsRowInsteadOfFailing() {
        ParsedFile file = parse("Type,Legal Surname,Legal Forename", "pupil,Smith,Ann", "pupil,Smith,\"Bo\"b\"");

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.reason()).contains("quote");
        });
    }

    @Test
    void leavesRowsWithErrorsOutOfTheValidRows() {
        ParsedFile file = parse("Surname,Forename,Year", "Smith,Ann,3", "Jones,Bea,Q");

        assertThat(file.rows()).extracting(ImportRow::legalLastName).containsExactly("Smith");
        assertThat(file.errors()).extracting(RowError::row).containsExactly(3);
    }

    @Test
    void keepsHtmlInANameAsLiteralText() {
        assertThat(parse("Surname,Forename,Year", "<script>alert(1)</script>,Ann,3").rows().getFirst().legalLastName())
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void readsAFileThatIsNotUtf8AsWindows1252() {
        byte[] cp1252 = "Surname,Forename,Year\r\nRenée,Zoë,2\r\n".getBytes(Charset.forName("windows-1252"));

        assertThat(parser.parse(cp1252).rows().getFirst().legalLastName()).isEqualTo("Renée");
    }
}
