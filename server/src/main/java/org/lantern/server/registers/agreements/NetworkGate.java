package org.lantern.server.registers.agreements;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantern.server.registers.RegisterJson;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.registers.RegisterJson;
import org.lantern.server.filtering.AgreementGate;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.people.Person;
import org.lantern.server.policy.PolicyService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The optional network gate, a school setting per policy group: while it is on for a person's
 * group and they have not accepted the agreement in force for them, the filter sends their web
 * requests to the agreement page. The filter asks {@link #heldInGroups} when it reads a person;
 * an acceptance makes it forget that person, and a change of setting or a version everyone must
 * sign makes it forget everyone, so either is enforced from the next request. Turning the gate on
 * or off is appended to the {@link AuditChain}.
 */
@Service
public class NetworkGate implements AgreementGate {

    static final String RECORD_TYPE = "agreement-gate";

    private final JdbcClient jdbc;
    private final Acceptances acceptances;
    private final PolicyService policies;
    private final FilterService filter;
    private final AuditChain audit;
    private final ApplicationEventPublisher events;

    NetworkGate(JdbcClient jdbc, Acceptances acceptances, PolicyService policies, FilterService filter, AuditChain audit,
                ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.acceptances = acceptances;
        this.policies = policies;
        this.filter = filter;
        this.audit = audit;
        this.events = events;
    }

    /**
     * One policy group and whether the gate is on for it.
     *
     * @param id   the group's id in the policy
     * @param name its name
     * @param on   whether the gate holds its people until they accept
     */
    public record GroupSetting(String id, String name, boolean on) {
    }

    @Override
    public Set<String> heldInGroups(Person person) {
        Set<String> on = groupsOn();
        return on.isEmpty() || !acceptances.owes(person) ? Set.of() : on;
    }

    /** The ids of the groups the gate is on for. */
    public Set<String> groupsOn() {
        return new LinkedHashSet<>(jdbc.sql("SELECT group_id FROM agreement_gate ORDER BY group_id").query(String.class).list());
    }

    /** Every group of the policy in force, with the gate's setting. */
    public List<GroupSetting> settings() {
        Set<String> on = groupsOn();
        return policies.currentDocument().groups().stream()
                .map(g -> new GroupSetting(g.id(), g.name(), on.contains(g.id()))).toList();
    }

    /**
     * Turns the gate on for exactly these groups of the policy in force, and off for the rest.
     *
     * @throws AgreementException when a group is not in the policy in force
     */
    @Transactional
    public void set(Set<String> groupIds, String actor) {
        Set<String> known = new LinkedHashSet<>();
        policies.currentDocument().groups().forEach(g -> known.add(g.id()));
        List<String> unknown = groupIds.stream().filter(g -> !known.contains(g)).toList();
        if (!unknown.isEmpty()) {
            throw AgreementException.of("The policy in force has no group " + String.join(", ", unknown) + ".");
        }
        Set<String> before = groupsOn();
        if (before.equals(groupIds)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("DELETE FROM agreement_gate").update();
        for (String group : groupIds) {
            jdbc.sql("INSERT INTO agreement_gate (group_id, changed_by, changed_at) VALUES (:g, :by, :at)")
                    .param("g", group).param("by", actor).param("at", now).update();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", List.copyOf(before));
        detail.put("after", groupIds.stream().sorted().toList());
        audit.append(actor, "agreement.gate-changed", RECORD_TYPE, "school", RegisterJson.of(detail));
        events.publishEvent(new AgreementsChanged("network gate now on for " + groupIds));
    }

    /** Once a change commits, the filter reads everyone afresh, so it holds exactly those who owe an agreement. */
    @TransactionalEventListener(fallbackExecution = true)
    void onAgreementsChanged(AgreementsChanged event) {
        filter.forgetPeople();
    }
}
