package org.lantern.server.incidents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.policy.Column;
import org.lantern.policy.Sanctions;
import org.lantern.server.policy.PolicyService;
import org.springframework.stereotype.Component;

/**
 * The incident categories of the policy in force: each row of the pupil or staff Actions /
 * Sanctions table, across all its printed parts, with the columns ticked for it. Read from the
 * policy on every call so a policy change applies to the next incident recorded.
 */
@Component
public class IncidentCategories {

    private final PolicyService policies;

    IncidentCategories(PolicyService policies) {
        this.policies = policies;
    }

    /** Every row of the subject type's table, in published order. */
    public List<IncidentCategory> of(SubjectType subject) {
        Sanctions.Table table = subject.table(policies.currentDocument());
        Map<String, Column> columns = table.columns().stream().collect(Collectors.toMap(Column::id, Function.identity()));
        return table.parts().stream().flatMap(part -> part.incidents().stream())
                .map(row -> new IncidentCategory(subject, row.id(), row.text(),
                        row.actions().stream().map(columns::get).toList()))
                .toList();
    }

    /** The row with this id in the subject type's table. */
    public Optional<IncidentCategory> find(SubjectType subject, String id) {
        return of(subject).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The table's "Continued infringements" row, if it has one: escalation applies its actions. */
    public Optional<IncidentCategory> continuedInfringements(SubjectType subject) {
        return of(subject).stream().filter(IncidentCategory::continuedInfringements).findFirst();
    }

    /** The action columns of the subject type's table, for the DSL to add one the row did not tick. */
    public List<Column> columns(SubjectType subject) {
        return subject.table(policies.currentDocument()).columns();
    }
}
