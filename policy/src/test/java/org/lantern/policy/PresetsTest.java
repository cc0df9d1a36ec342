package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PresetsTest {

    static java.util.List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetParsesAndValidates(String name) {
        assertThat(PolicyParser.parse(Presets.yaml(name)).activities()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetHasTheUkSaferInternetCentreCategoriesAndTheIllegalLists(String name) {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml(name));
        assertThat(policy.categories()).extracting(Category::id).contains("discrimination", "drugs", "extremism",
                "gambling", "malware-hacking", "pornography", "piracy", "self-harm", "violence");
        assertThat(policy.categories()).filteredOn(Category::illegal).extracting(Category::id)
                .containsExactlyInAnyOrder("child-abuse", "terrorism");
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyIllegalCategoryIsUnacceptableAndIllegalWhereverAnActivityUsesIt(String name) {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml(name));
        policy.activities().stream()
                .filter(a -> a.categories().stream().anyMatch(c -> policy.category(c).orElseThrow().illegal()))
                .forEach(a -> assertThat(a.levels()).as(a.id()).containsExactly(Level.UNACCEPTABLE_AND_ILLEGAL));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetsWithoutPublishedTablesStateTheirAssumptions(String name) {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml(name));
        if (policy.communications() == null || policy.sanctions() == null) {
            assertThat(policy.assumptions()).isNotEmpty();
        }
    }

    @Test
    void rothwellGivesFoundationStageAndKeyStageOneAStricterFilter() {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml("rothwell-primary"));
        assertThat(policy.activity("video-broadcasting").orElseThrow().overrides())
                .anySatisfy(o -> assertThat(o.groups()).contains("fs-ks1"));
    }

    @Test
    void unknownPresetNameIsRejected() {
        assertThatThrownBy(() -> Presets.yaml("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void princeHenrysHoldsTheApprovedCloudServicesOfSeed003AndTheOthersNone() {
        assertThat(Presets.cloudServices("prince-henrys")).hasSize(15)
                .startsWith(new Presets.CloudService("Microsoft Office 365",
                        "NOT a normal outlook.com/hotmail.co.uk account"))
                .endsWith(new Presets.CloudService("MyMaths", ""))
                .extracting(Presets.CloudService::name).doesNotHaveDuplicates().contains("SISRA", "Leeds Pathways");
        assertThat(Presets.cloudServices("astley-park")).isEmpty();
        assertThatThrownBy(() -> Presets.cloudServices("nowhere")).isInstanceOf(IllegalArgumentException.class);
    }
}
