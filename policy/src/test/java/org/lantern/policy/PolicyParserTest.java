package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String MINIMAL = """
            school:
              name: Test School
              title: Online Safety Policy
            groups:
              - {id: ks2, name: Key Stage 2, kind: pupil}
              - {id: staff, name: Staff, kind: staff}
            categories:
              - {id: gambling, name: Gambling, description: Enables gambling, lists: [gambling]}
            windows:
              - id: lessons
                name: Lessons
                slots:
                  - {days: [monday], from: "09:00", to: "12:00"}
            activities:
              - id: online-gambling
                text: Online gambling
                categories: [gambling]
                levels: [unacceptable]
            """;

    private static List<PolicyError> errorsOf(String yaml) {
        return catchThrowableOfType(PolicyValidationException.class, () -> PolicyParser.parse(yaml)).errors();
    }

    @Test
    void parsesAMinimalValidDocument() {
        PolicyDocument policy = PolicyParser.parse(MINIMAL);
        assertThat(policy.school().timeZone().getId()).isEqualTo("Europe/London");
        assertThat(policy.activities().get(0).levels()).containsExactly(Level.UNACCEPTABLE);
    }

    @Test
    void unknownLevelIsReportedWithLineFieldPathAndTheAllowedValues() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("levels: [unacceptable]", "levels: [sometimes]"));
        assertThat(errors).hasSize(1);
        PolicyError error = errors.get(0);
        assertThat(error.line()).isEqualTo(18);
        assertThat(error.path()).isEqualTo("activities[0].levels[0]");
        assertThat(error.toString()).startsWith("line 18, column 14: activities[0].levels[0]: \"sometimes\" is not one of acceptable, ");
    }

    @Test
    void missingRequiredFieldNamesTheObjectThatLacksIt() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("    text: Online gambling\n", ""));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("activities[0]");
            assertThat(e.line()).isEqualTo(15);
            assertThat(e.message()).contains("text");
        });
    }

    @Test
    void unexpectedFieldIsReportedAtItsOwnLine() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("    text: Online gambling\n",
                "    text: Online gambling\n    colour: red\n"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("activities[0].colour");
            assertThat(e.line()).isEqualTo(17);
        });
    }

    @Test
    void unknownCategoryReferenceIsReportedWithItsLine() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("categories: [gambling]", "categories: [gaming]"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(17);
            assertThat(e.path()).isEqualTo("activities[0].categories[0]");
            assertThat(e.message()).isEqualTo("unknown category \"gaming\"");
        });
    }

    @Test
    void unknownWindowAndNominatedGroupAreReported() {
        String yaml = MINIMAL.replace("levels: [unacceptable]", """
                levels: [acceptable-at-certain-times, acceptable-for-nominated-users, unacceptable]
                    windows: [lunch]
                    nominated: [governors]""");
        assertThat(errorsOf(yaml)).extracting(PolicyError::toString).containsExactly(
                "line 19, column 15: activities[0].windows[0]: unknown window \"lunch\"",
                "line 20, column 17: activities[0].nominated[0]: unknown group \"governors\"");
    }

    @Test
    void duplicateIdIsReportedAtTheSecondOccurrence() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("{id: staff, name: Staff", "{id: ks2, name: Staff"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("groups[1].id");
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.message()).isEqualTo("duplicate id \"ks2\"");
        });
    }

    @Test
    void duplicateYamlKeyIsRejected() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("    text: Online gambling\n",
                "    text: Online gambling\n    text: Gambling\n"));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(17));
    }

    @Test
    void certainTimesWithoutWindowsIsRejected() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("levels: [unacceptable]", "levels: [acceptable-at-certain-times]"));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("which windows"));
    }

    @Test
    void illegalTickedWithAnotherLevelIsRejected() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("levels: [unacceptable]",
                "levels: [unacceptable, unacceptable-and-illegal]"));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("\"unacceptable-and-illegal\" cannot be ticked together with other levels"));
    }

    @Test
    void slotEndingBeforeItStartsIsRejected() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("to: \"12:00\"", "to: \"08:00\""));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(13));
    }

    @Test
    void malformedYamlGivesItsLine() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("  - {id: staff, name: Staff, kind: staff}", "  - {id: staff, name: [Staff"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isGreaterThanOrEqualTo(6);
            assertThat(e.message()).startsWith("malformed YAML");
        });
    }

    @Test
    void yesAndNoStayTextSoTheyAreNotMistakenForBooleans() {
        List<PolicyError> errors = errorsOf(MINIMAL.replace("lists: [gambling]", "lists: [gambling], illegal: yes"));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("categories[0].illegal"));
    }

    @Test
    void unquotedTimeIsReadAsTextNotSexagesimal() {
        PolicyDocument policy = PolicyParser.parse(MINIMAL.replace("to: \"12:00\"", "to: 12:00"));
        assertThat(policy.windows().get(0).slots().get(0).to()).hasToString("12:00");
    }

    @Test
    void aliasesOfCollectionsAreRejectedToPreventBillionLaughs() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n";
        assertThat(errorsOf(bomb)).singleElement().satisfies(e -> assertThat(e.message()).startsWith("malformed YAML"));
    }

    @Test
    void documentsOverOneMegabyteAreRejected() {
        String huge = MINIMAL + "#" + "x".repeat(PolicyParser.MAX_BYTES);
        assertThat(errorsOf(huge)).singleElement().satisfies(e -> assertThat(e.message()).contains("larger than"));
    }

    @Test
    void emptyDocumentIsRejected() {
        assertThat(errorsOf("  \n")).singleElement().satisfies(e -> assertThat(e.message()).contains("empty"));
    }

    @Test
    void allErrorsAreReportedTogetherInLineOrder() {
        String yaml = MINIMAL.replace("categories: [gambling]", "categories: [gaming]")
                .replace("{id: staff, name: Staff", "{id: ks2, name: Staff");
        assertThat(errorsOf(yaml)).extracting(PolicyError::line).containsExactly(6, 17);
    }

    @Test
    void publishedSchemaIsDraft2020() {
        assertThat(PolicyParser.schema()).contains("https://json-schema.org/draft/2020-12/schema");
    }
}
