package org.lantern.server.people;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lantern.policy.Group;
import org.lantern.policy.PolicyDocument;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.policy.PolicyService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explicit membership of people in the groups of the school's policy, such as the nominated staff
 * whom a User Actions row allows what it denies everyone else (seed 002: the DSL chooses them).
 * Every addition and removal needs a reason, is kept in a log that is never edited and in the
 * {@link AuditChain}, and is announced as {@link PeopleChanged} so the filter applies it at the
 * next request.
 */
@Service
public class GroupMemberships {

    /** Longest reason accepted, matching the column. */
    public static final int MAX_REASON = 500;

    /** The record type of this feature's audit entries. */
    static final String AUDIT_RECORD = "person";

    private static final String COLUMNS = "id, person_id, group_id, added_by, added_at, reason";

    private final JdbcClient jdbc;
    private final People people;
    private final PolicyService policies;
    private final AuditChain audit;
    private final ApplicationEventPublisher events;

    GroupMemberships(JdbcClient jdbc, People people, PolicyService policies, AuditChain audit,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
    }

    /** A person's memberships, in the order they were added, including stale ones. */
    public List<GroupMembership> of(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person_group WHERE person_id = :id ORDER BY added_at, id")
                .param("id", personId)
                .query((rs, n) -> new GroupMembership(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getString("group_id"), rs.getString("added_by"),
                        People.inSchoolZone(rs.getObject("added_at", OffsetDateTime.class)), rs.getString("reason")))
                .list();
    }

    /** A person's membership log, newest first. */
    public List<GroupMembershipChange> history(long personId) {
        return jdbc.sql("SELECT id, person_id, group_id, action, actor, occurred_at, reason FROM person_group_change "
                        + "WHERE person_id = :id ORDER BY occurred_at DESC, id DESC")
                .param("id", personId)
                .query((rs, n) -> new GroupMembershipChange(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getString("group_id"), rs.getString("action"), rs.getString("actor"),
                        People.inSchoolZone(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("reason")))
                .list();
    }

    /** The groups of the policy in force that a person of this kind may be put in. */
    public List<Group> eligibleGroups(PersonKind kind) {
        return policies.currentDocument().groups().stream().filter(g -> g.kind() == kind.policyGroupKind()).toList();
    }

    /**
     * Puts a person in a group of the policy in force.
     *
     * @throws GroupMembershipException when the group is not one of the policy's groups for this
     *     kind of person, the person is already in it, or the reason is blank or too long
     * @throws PersonNotFoundException  when there is no such person
     */
    @Transactional
    public GroupMembership add(long personId, String groupId, String actor, String reason) {
        String why = checkReason(reason);
        Person person = people.get(personId);
        if (groupId == null || groupId.isBlank()) {
            throw new GroupMembershipException("Choose a group.");
        }
        String id = groupId.strip();
        PolicyDocument policy = policies.currentDocument();
        Group group = policy.groups().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new GroupMembershipException("The policy in force has no group \"" + id + "\"."));
        if (group.kind() != person.kind().policyGroupKind()) {
            throw new GroupMembershipException(group.name() + " is a group for " + plural(group.kind().id()) + "; "
                    + person.displayName() + " is " + article(person.kind()) + ".");
        }
        boolean member = jdbc.sql("SELECT COUNT(*) FROM person_group WHERE person_id = :person AND group_id = :group")
                .param("person", personId).param("group", id).query(Long.class).single() > 0;
        if (member) {
            throw new GroupMembershipException(person.displayName() + " is already in " + group.name() + ".");
        }
        OffsetDateTime now = People.now();
        jdbc.sql("INSERT INTO person_group (person_id, group_id, added_by, added_at, reason) "
                        + "VALUES (:person, :group, :actor, :at, :reason)")
                .param("person", personId).param("group", id).param("actor", actor).param("at", now)
                .param("reason", why).update();
        record(personId, id, "ADDED", actor, now, why);
        return of(personId).stream().filter(m -> m.groupId().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Takes a person out of a group; a stale membership (the group is gone) can be removed too.
     *
     * @return false when the person was not in the group (nothing changes)
     * @throws GroupMembershipException when the reason is blank or too long
     */
    @Transactional
    public boolean remove(long personId, String groupId, String actor, String reason) {
        String why = checkReason(reason);
        people.get(personId);
        int removed = jdbc.sql("DELETE FROM person_group WHERE person_id = :person AND group_id = :group")
                .param("person", personId).param("group", groupId).update();
        if (removed == 0) {
            return false;
        }
        record(personId, groupId, "REMOVED", actor, People.now(), why);
        return true;
    }

    /**
     * A membership as the person page lists it.
     *
     * @param groupName the group's name in the policy in force, or the id when it has none
     * @param status    whether the filter uses it
     */
    public record Listed(GroupMembership membership, String groupName, GroupMembership.Status status) {
    }

    /** A person's memberships under the policy in force, stale ones marked. */
    public List<Listed> listed(Person person) {
        PolicyDocument policy = policies.currentDocument();
        return of(person.id()).stream().map(m -> new Listed(m,
                policy.groups().stream().filter(g -> g.id().equals(m.groupId())).map(Group::name).findFirst()
                        .orElse(m.groupId()),
                m.status(policy, person.kind()))).toList();
    }

    /** The group the filter judges the person as under the policy in force, and why. */
    public GroupChoice choice(Person person) {
        return GroupChoice.of(policies.currentDocument(), person, of(person.id()));
    }

    private void record(long personId, String groupId, String action, String actor, OffsetDateTime at, String why) {
        jdbc.sql("INSERT INTO person_group_change (person_id, group_id, action, actor, occurred_at, reason) "
                        + "VALUES (:person, :group, :action, :actor, :at, :reason)")
                .param("person", personId).param("group", groupId).param("action", action).param("actor", actor)
                .param("at", at).param("reason", why).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("groupId", groupId);
        detail.put("reason", why);
        audit.append(actor, "person.group." + action.toLowerCase(Locale.ROOT), AUDIT_RECORD, Long.toString(personId),
                People.json(detail));
        events.publishEvent(PeopleChanged.of(personId, "group " + groupId + " " + action.toLowerCase(Locale.ROOT)
                + " by " + actor));
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new GroupMembershipException("Say why: every change of group is recorded with its reason.");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new GroupMembershipException("The reason is longer than " + MAX_REASON + " characters.");
        }
        return reason.strip();
    }

    private static String plural(String kind) {
        return "staff".equals(kind) ? "staff" : kind + "s";
    }

    private static String article(PersonKind kind) {
        return switch (kind) {
            case PUPIL -> "a pupil";
            case STAFF -> "a member of staff";
            case GOVERNOR -> "a governor";
            case VISITOR -> "a visitor";
        };
    }
}
