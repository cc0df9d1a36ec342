package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.policy.Column;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.policy.Sanctions;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of both astley-park Actions / Sanctions tables, recorded as an incident, gets exactly
 * the actions ticked for it: same columns, same published header text, same order. The preset's
 * ticks are checked against the seed policy's own text by the policy module's
 * {@code SeedTablesTest}, so this follows the published tables without copying them.
 */
@PersistenceTest
class ActionsPerTableRowTest {

    private static final PolicyDocument PRESET = PolicyParser.parse(Presets.yaml("astley-park"));

    @Autowired
    IncidentService incidents;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> rows() {
        return Stream.of(SubjectType.values()).flatMap(subject -> {
            Sanctions.Table table = subject == SubjectType.PUPIL ? PRESET.sanctions().pupil() : PRESET.sanctions().staff();
            Map<String, Column> columns = table.columns().stream().collect(Collectors.toMap(Column::id, Function.identity()));
            return table.parts().stream().flatMap(part -> part.incidents().stream())
                    .map(row -> Arguments.of(subject, row.id(), row.text(), row.actions().stream().map(columns::get).toList()));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void anIncidentInThisRowGetsExactlyTheTickedActions(SubjectType subject, String rowId, String rowText,
                                                        List<Column> ticked) {
        long person = TestPeople.person(jdbc, subject.kind().name(), "Row", TestPeople.unique("Subject"));
        Viewer recorder = Viewer.of(TestUsers.signedIn(accountService, accounts, "rows.recorder", Role.STAFF));

        Incident incident = incidents.record(new NewIncident(subject, rowId, List.of(person),
                OffsetDateTime.now().minusHours(1), null, "What happened.", null, List.of()), recorder);

        assertThat(incident.categoryText()).isEqualTo(rowText);
        assertThat(incident.actions()).extracting(a -> new Column(a.columnId(), a.columnText()))
                .containsExactlyElementsOf(ticked);
    }

    @Test
    /** Guards against an empty source: a parameterised test with no rows would pass silently. */
    void bothTablesAreCoveredRowForRow() {
        assertThat(rows().filter(a -> a.get()[0] == SubjectType.PUPIL)).hasSize(16);
        assertThat(rows().filter(a -> a.get()[0] == SubjectType.STAFF)).hasSize(16);
    }
}
