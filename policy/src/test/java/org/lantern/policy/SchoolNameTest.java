package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Renaming the school in a policy text ({@link PolicyParser#withSchoolName}). */
class SchoolNameTest {

    private static final String PRESET = Presets.yaml("astley-park");

    private static String nameIn(String yaml) {
        return PolicyParser.parse(yaml).school().name();
    }

    @Test
    void renamingTheSchoolChangesOnlyItsNameLine() {
        String renamed = PolicyParser.withSchoolName(PRESET, "Lantern Demo School");

        assertThat(PolicyDiff.diff(PRESET, renamed))
                .filteredOn(line -> line.kind() != PolicyDiff.Kind.SAME)
                .extracting(PolicyDiff.DiffLine::text)
                .containsExactly("  name: Astley Park School", "  name: \"Lantern Demo School\"");
    }

    @Test
    void aNameWithQuotesColonsHashesAndBackslashesIsReadBackAsWritten() {
        String name = "St Mary's \"Star\": C of E #1 \\ Academy";

        assertThat(nameIn(PolicyParser.withSchoolName(PRESET, name))).isEqualTo(name);
    }

    @Test
    void aNameWrittenAsABlockIsReplacedAndTheFieldsAfterItAreKept() {
        String block = PRESET.replace("  name: Astley Park School\n", "  name: |\n    Astley Park School\n");

        String renamed = PolicyParser.withSchoolName(block, "Lantern Demo School");

        assertThat(nameIn(renamed)).isEqualTo("Lantern Demo School");
        assertThat(PolicyParser.parse(renamed).school().title()).isEqualTo("Online Safety Whole School Policy");
    }

    @Test
    void textBeyondTheBasicMultilingualPlaneBeforeTheNameDoesNotShiftTheReplacement() {
        String withEmoji = "# \uD83C\uDFEB\uD83C\uDFEB\n" + PRESET;

        assertThat(nameIn(PolicyParser.withSchoolName(withEmoji, "Lantern Demo School"))).isEqualTo("Lantern Demo School");
    }

    @Test
    void aNameOfMoreThanOneLineIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PolicyParser.withSchoolName(PRESET, "Lantern\nDemo School"));
    }
}
