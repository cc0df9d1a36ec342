package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The safeguarding list: in every preset, citing its guidance, extendable by a school, checked. */
class SafeguardingTest {

    static final String MINIMAL = """
            school: {name: Test School, title: Online Safety Policy}
            groups: [{id: staff, name: Staff, kind: staff}]
            categories: [{id: gambling, name: Gambling, description: Enables gambling, lists: [gambling]}]
            windows: []
            activities: [{id: online-gambling, text: Online gambling, categories: [gambling], levels: [unacceptable]}]
            """;

    private static final String OWN = MINIMAL + """
            safeguarding:
              concerns:
                - id: young-carer
                  text: Young carer
                  group: Health and home
                  guidance: The school's young carers policy
                  steps:
                    - {id: refer-to-dsl, text: Tell the DSL}
                    - {id: carers-service, text: Offer the local young carers service, perChild: true}
            """;

    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetCarriesTheKcsieUkcisAndPreventConcerns(String name) {
        Safeguarding list = PolicyParser.parse(Presets.yaml(name)).safeguarding();
        assertThat(list.concerns()).extracting(Safeguarding.Concern::id).contains("physical-abuse", "emotional-abuse",
                "sexual-abuse", "neglect", "child-on-child-abuse", "sexual-harassment", "grooming", "sextortion",
                "sharing-nudes", "cyberbullying", "harmful-content", "radicalisation", "child-sexual-exploitation",
                "child-criminal-exploitation", "self-harm", "mental-health", "domestic-abuse", "other-concern");
        assertThat(list.concerns()).allSatisfy(c -> {
            assertThat(c.guidance()).as(c.id()).isNotBlank();
            assertThat(c.steps()).as(c.id()).isNotEmpty();
        });
    }

    @ParameterizedTest
    @CsvSource({
            "sharing-nudes, do-not-view-images, UKCIS",
            "sextortion, refer-to-police, UKCIS",
            "radicalisation, refer-to-prevent, Prevent duty guidance",
            "grooming, refer-to-police, KCSIE",
            "physical-abuse, refer-to-childrens-social-care, KCSIE"})
    void eachConcernCitesItsGuidanceAndCarriesItsSteps(String concern, String step, String guidance) {
        Safeguarding.Concern c = Presets.standardSafeguarding().concern(concern).orElseThrow();
        assertThat(c.guidance()).contains(guidance);
        assertThat(c.steps()).extracting(Safeguarding.Step::id).contains(step);
    }

    @Test
    void nudesStepsFollowTheUkcisAdvice() {
        Safeguarding.Concern nudes = Presets.standardSafeguarding().concern("sharing-nudes").orElseThrow();
        assertThat(nudes.illegalMaterial()).isTrue();
        assertThat(nudes.steps()).extracting(Safeguarding.Step::text).anySatisfy(t -> assertThat(t)
                .contains("Do not view, copy, print, share")).anySatisfy(t -> assertThat(t).contains("CEOP"))
                .anySatisfy(t -> assertThat(t).contains("unless that would put the child at risk"));
        assertThat(nudes.steps()).filteredOn(Safeguarding.Step::perChild).extracting(Safeguarding.Step::id)
                .contains("inform-parents", "support-plan");
        assertThat(Presets.standardSafeguarding().concern("grooming").orElseThrow().illegalMaterial()).isFalse();
    }

    @Test
    void aSchoolsOwnListReplacesTheStandardOne() {
        PolicyDocument policy = PolicyParser.parse(OWN);
        assertThat(policy.concerns().concerns()).extracting(Safeguarding.Concern::id).containsExactly("young-carer");
        assertThat(policy.concerns().concern("young-carer").orElseThrow().steps())
                .extracting(Safeguarding.Step::perChild).containsExactly(false, true);
    }

    @Test
    void aPolicyWrittenBeforeTheListHasTheStandardOne() {
        PolicyDocument policy = PolicyParser.parse(MINIMAL);
        assertThat(policy.safeguarding()).isNull();
        assertThat(policy.concerns()).isEqualTo(Presets.standardSafeguarding());
    }

    @Test
    void duplicateConcernAndStepIdsAreReportedWithTheirLines() {
        String yaml = OWN.replace("{id: carers-service,", "{id: refer-to-dsl,");
        List<PolicyError> errors = catchThrowableOfType(PolicyValidationException.class, () -> PolicyParser.parse(yaml)).errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("safeguarding.concerns[0].steps[1].id");
            assertThat(e.message()).contains("duplicate id \"refer-to-dsl\"");
            assertThat(e.line()).isGreaterThan(5);
        });
    }

    @Test
    void aConcernWithoutGuidanceIsRejected() {
        List<PolicyError> errors = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyParser.parse(OWN.replace("      guidance: The school's young carers policy\n", ""))).errors();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("guidance"));
    }
}
