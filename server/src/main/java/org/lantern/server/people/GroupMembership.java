package org.lantern.server.people;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.lantern.policy.Group;
import org.lantern.policy.PolicyDocument;

/**
 * A person's explicit membership of a group of the school's policy, e.g. nominated staff: who
 * added it, when (school time) and why. It names the group by id, so a later policy version may
 * no longer have it; then the membership is stale and the filter ignores it.
 */
public record GroupMembership(long id, long personId, String groupId, String addedBy, OffsetDateTime addedAt,
                              String reason) {

    /** Whether, and why not, a membership counts under a policy. */
    public enum Status {
        /** The policy has the group, and it is for the person's kind. */
        IN_FORCE,
        /** The policy in force has no group with this id. */
        GROUP_GONE,
        /** The group is for another kind of person (the policy changed its kind). */
        WRONG_KIND
    }

    /** The group this membership names under {@code policy}, if it has one for this kind of person. */
    public Optional<Group> group(PolicyDocument policy, PersonKind kind) {
        return policy.groups().stream().filter(g -> g.id().equals(groupId) && g.kind() == kind.policyGroupKind())
                .findFirst();
    }

    /** Whether the membership counts under {@code policy} for a person of this kind. */
    public Status status(PolicyDocument policy, PersonKind kind) {
        boolean exists = policy.groups().stream().anyMatch(g -> g.id().equals(groupId));
        if (!exists) {
            return Status.GROUP_GONE;
        }
        return group(policy, kind).isPresent() ? Status.IN_FORCE : Status.WRONG_KIND;
    }
}
