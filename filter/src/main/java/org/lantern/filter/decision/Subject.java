package org.lantern.filter.decision;

import java.util.Objects;

/**
 * Who a request is made for, as far as the filter needs to know: the policy group decides which
 * rules apply, the internet-access flag lets a leaver or a sanction cut access at once, and the
 * agreement flag holds a person's requests until they accept the school's acceptable-use agreement.
 *
 * @param personId stable id of the person in the people directory, or {@code null} when the
 *     request could not be tied to a person (then {@code displayName} says what it was tied to)
 * @param displayName name shown in logs and alerts
 * @param groupId id of one of the policy's groups
 * @param internetAccess whether the person may use the internet at all
 * @param groupReason why the person is in that group, in plain English (e.g. "nominated by the
 *     DSL on 4 March 2025"), so that a decision depending on the group explains itself; {@code
 *     null} when the directory gives no reason
 * @param agreementPending whether the school's network gate holds this person's requests until they
 *     accept the acceptable-use agreement in force for them (a school setting per group)
 */
public record Subject(String personId, String displayName, String groupId, boolean internetAccess,
                      String groupReason, boolean agreementPending) {

    /** Rejects missing names and groups, which would make a decision unexplainable. */
    public Subject {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(groupId, "groupId");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
    }

    /** A subject with no agreement to accept first. */
    public Subject(String personId, String displayName, String groupId, boolean internetAccess, String groupReason) {
        this(personId, displayName, groupId, internetAccess, groupReason, false);
    }

    /** A subject whose directory gives no reason for the group. */
    public Subject(String personId, String displayName, String groupId, boolean internetAccess) {
        this(personId, displayName, groupId, internetAccess, null);
    }

    /**
     * @param groupId the default group
     * @return the subject for a request no directory entry matched
     */
    public static Subject unknown(String groupId) {
        return new Subject(null, "unknown user", groupId, true,
                "no one in the directory has this user name or address, so the default group");
    }

    /**
     * @param otherGroupId another group
     * @param reason why the person is in it
     * @return this person in another group
     */
    public Subject inGroup(String otherGroupId, String reason) {
        return new Subject(personId, displayName, otherGroupId, internetAccess, reason, agreementPending);
    }
}
