package org.lantern.policy;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The User Actions table written back from its grid changes only the lines of the cells changed. */
class UserActionsTableTest {

    private static final String PRESET = Presets.yaml("astley-park");

    @Test
    void writingBackTheTableUnchangedLeavesTheTextAsItWas() {
        String after = UserActionsTable.withRows(PRESET, UserActionsTable.rows(PolicyParser.parse(PRESET)));
        assertThat(after).isEqualTo(PRESET);
    }

    @Test
    void oneTickChangesOneLine() {
        List<UserActionsTable.Row> rows = UserActionsTable.rows(PolicyParser.parse(PRESET));
        UserActionsTable.Row pornography = rows.stream().filter(r -> r.id().equals("pornography")).findFirst().orElseThrow();
        String after = UserActionsTable.withRows(PRESET, List.of(new UserActionsTable.Row(pornography.id(), pornography.text(),
                pornography.categories(), List.of(Level.UNACCEPTABLE_AND_ILLEGAL))));

        assertThat(PolicyParser.parse(after).activities().stream().filter(a -> a.id().equals("pornography")).findFirst()
                .orElseThrow().levels()).containsExactly(Level.UNACCEPTABLE_AND_ILLEGAL);
        assertThat(PolicyDiff.diff(PRESET, after).stream().filter(l -> l.kind() != PolicyDiff.Kind.SAME))
                .extracting(PolicyDiff.DiffLine::text)
                .containsExactly("    levels: [unacceptable]", "    levels: [unacceptable-and-illegal]");
    }

    @Test
    void aNewRowIsAddedAtTheEndOfTheTable() {
        String after = UserActionsTable.withRows(PRESET, List.of(new UserActionsTable.Row("ai-chatbots",
                "Using AI chatbots for homework", List.of(), List.of(Level.ACCEPTABLE_AT_CERTAIN_TIMES))));
        Activity added = PolicyParser.parse(after.replace("levels: [acceptable-at-certain-times]",
                "levels: [acceptable-at-certain-times]\n    windows: [lessons]")).activities().getLast();
        assertThat(added.id()).isEqualTo("ai-chatbots");
        assertThat(added.text()).isEqualTo("Using AI chatbots for homework");
    }
}
