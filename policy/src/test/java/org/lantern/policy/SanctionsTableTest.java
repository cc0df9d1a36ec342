package org.lantern.policy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An Actions / Sanctions table written back from its grid changes only the lines of the cells changed. */
class SanctionsTableTest {

    /** The preset with a comment inside the staff table, to show comments survive a write. */
    private static final String PRESET = Presets.yaml("astley-park").replace("  staff:\n",
            "  staff:\n    # agreed with HR in 2024\n");

    @ParameterizedTest
    @EnumSource(SanctionsTable.Side.class)
    void writingBackATableUnchangedLeavesTheTextAsItWas(SanctionsTable.Side side) {
        List<SanctionsTable.Row> rows = SanctionsTable.rows(PolicyParser.parse(PRESET), side);
        assertThat(rows).isNotEmpty();
        assertThat(SanctionsTable.withRows(PRESET, side, rows)).isEqualTo(PRESET);
    }

    @Test
    void oneTickChangesOneLineAndKeepsTheComments() {
        SanctionsTable.Row row = row(SanctionsTable.Side.STAFF, "inappropriate-personal-use");
        List<String> actions = new ArrayList<>(row.actions());
        actions.remove("suspension");
        String after = SanctionsTable.withRows(PRESET, SanctionsTable.Side.STAFF,
                List.of(new SanctionsTable.Row(row.id(), row.text(), actions, row.offered())));

        assertThat(after).contains("    # agreed with HR in 2024\n");
        assertThat(PolicyDiff.diff(PRESET, after).stream().filter(l -> l.kind() != PolicyDiff.Kind.SAME))
                .extracting(PolicyDiff.DiffLine::text)
                .containsExactly("            actions: [refer-to-line-manager, refer-to-ict-lead, warning, suspension, disciplinary-action]",
                        "            actions: [refer-to-line-manager, refer-to-ict-lead, warning, disciplinary-action]");
        assertThat(SanctionsTable.rows(PolicyParser.parse(after), SanctionsTable.Side.STAFF).stream()
                .filter(r -> r.id().equals(row.id())).findFirst().orElseThrow().actions())
                .doesNotContain("suspension");
    }

    @Test
    void aNewRowIsAddedAtTheEndOfTheLastPartAndValidates() {
        String after = SanctionsTable.withRows(PRESET, SanctionsTable.Side.PUPIL, List.of(new SanctionsTable.Row(
                "sharing-ai-deepfakes", "Making or sharing AI deepfakes of others", List.of("refer-to-dsl", "inform-parents"), List.of())));

        Sanctions.Part last = PolicyParser.parse(after).sanctions().pupil().parts().getLast();
        assertThat(last.incidents().getLast()).isEqualTo(new Sanctions.Incident("sharing-ai-deepfakes",
                "Making or sharing AI deepfakes of others", List.of("refer-to-dsl", "inform-parents")));
        assertThat(PolicyDiff.diff(PRESET, after).stream().filter(l -> l.kind() != PolicyDiff.Kind.SAME)).hasSize(3);
    }

    @Test
    void aTickInAColumnTheRowsPartDoesNotPrintIsRefusedByValidation() {
        SanctionsTable.Row row = row(SanctionsTable.Side.PUPIL, "using-staff-account");
        String after = SanctionsTable.withRows(PRESET, SanctionsTable.Side.PUPIL, List.of(new SanctionsTable.Row(
                row.id(), row.text(), List.of("further-sanction"), row.offered())));
        assertThatThrownBy(() -> PolicyParser.parse(after)).isInstanceOf(PolicyValidationException.class);
    }

    private static SanctionsTable.Row row(SanctionsTable.Side side, String id) {
        return SanctionsTable.rows(PolicyParser.parse(PRESET), side).stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
