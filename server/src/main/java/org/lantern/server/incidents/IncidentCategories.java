package org.lantern.server.incidents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.policy.Column;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.Safeguarding;
import org.lantern.policy.Sanctions;
import org.lantern.server.policy.PolicyService;
import org.springframework.stereotype.Component;

/**
 * The categories of the policy in force: the concerns of its safeguarding list, and each row of the
 * pupil or staff Actions / Sanctions table across all its printed parts with the columns ticked for
 * it. Read from the policy on every call so a policy change applies to the next record.
 */
@Component
public class IncidentCategories {

    private final PolicyService policies;

    IncidentCategories(PolicyService policies) {
        this.policies = policies;
    }

    /** Every row of the subject type's table (misuse categories), in published order. */
    public List<IncidentCategory> of(SubjectType subject) {
        Sanctions.Table table = subject.table(policies.currentDocument());
        Map<String, Column> columns = table.columns().stream().collect(Collectors.toMap(Column::id, Function.identity()));
        return table.parts().stream().flatMap(part -> part.incidents().stream())
                .map(row -> IncidentCategory.misuse(subject, row.id(), row.text(), row.actions().stream()
                        .map(columns::get).map(c -> new IncidentCategory.Step(c.id(), c.text(), PersonRole.MISUSER))
                        .toList()))
                .toList();
    }

    /** The concerns of the policy's safeguarding list, in its order. */
    public List<IncidentCategory> concerns() {
        PolicyDocument policy = policies.currentDocument();
        return policy.concerns().concerns().stream().map(IncidentCategories::concern).toList();
    }

    /** The concerns of the safeguarding list under their headings, as the forms offer them. */
    public Map<String, List<IncidentCategory>> concernsByGroup() {
        return concerns().stream().collect(Collectors.groupingBy(IncidentCategory::group, java.util.LinkedHashMap::new,
                Collectors.toList()));
    }

    /** The categories of one kind: the safeguarding list, or the subject type's table. */
    public List<IncidentCategory> of(IncidentType type, SubjectType subject) {
        return type == IncidentType.CONCERN ? concerns() : of(subject);
    }

    /** The row with this id in the subject type's table. */
    public Optional<IncidentCategory> find(SubjectType subject, String id) {
        return of(subject).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The category with this id of one kind. */
    public Optional<IncidentCategory> find(IncidentType type, SubjectType subject, String id) {
        return of(type, subject).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The table's "Continued infringements" row, if it has one: escalation applies its actions. */
    public Optional<IncidentCategory> continuedInfringements(SubjectType subject) {
        return of(subject).stream().filter(IncidentCategory::continuedInfringements).findFirst();
    }

    /** The action columns of the subject type's table, for the DSL to add one the row did not tick. */
    public List<Column> columns(SubjectType subject) {
        return subject.table(policies.currentDocument()).columns();
    }

    /** The distinct steps of the safeguarding list, for the DSL to add one its concern did not bring. */
    public List<IncidentCategory.Step> concernSteps() {
        return concerns().stream().flatMap(c -> c.actions().stream())
                .collect(Collectors.toMap(IncidentCategory.Step::id, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList();
    }

    private static IncidentCategory concern(Safeguarding.Concern c) {
        return new IncidentCategory(IncidentType.CONCERN, SubjectType.PUPIL, c.id(), c.text(), c.group(), c.guidance(),
                c.illegalMaterial(), c.steps().stream()
                .map(s -> new IncidentCategory.Step(s.id(), s.text(), s.perChild() ? PersonRole.AT_RISK : null)).toList());
    }
}
