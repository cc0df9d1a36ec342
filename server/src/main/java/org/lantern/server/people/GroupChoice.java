package org.lantern.server.people;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.lantern.policy.Group;
import org.lantern.policy.GroupKind;
import org.lantern.policy.PolicyDocument;

/**
 * The policy group whose rules apply to a person, and why in plain English. One place decides
 * it, so the web filter and the person page always agree.
 *
 * <p>In order: an explicit membership of a group of the person's kind (the first such group in
 * the policy's order), so a DSL's nomination counts; for pupils, the pupil group naming their year
 * group, else their key stage; otherwise the policy's first group of the person's kind (pupils
 * without a group get the visitor group). Memberships the policy no longer supports are ignored
 * and the reason says so.
 *
 * @param groupId the group's id; {@code unmapped-<kind>} when the policy has no group for the
 *                person, which the filter engine judges as its default group
 * @param reason  why, e.g. "added to Nominated staff by dsl on 04/03/2025" or "a Year 8 pupil, in the
 *                policy's group for Year 8"
 */
public record GroupChoice(String groupId, String reason) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    /** The group {@code person} is judged as under {@code policy}, given their explicit memberships. */
    public static GroupChoice of(PolicyDocument policy, Person person, List<GroupMembership> memberships) {
        String ignored = ignored(policy, person, memberships);
        for (Group g : policy.groups()) {
            Optional<GroupMembership> explicit = memberships.stream()
                    .filter(m -> m.group(policy, person.kind()).map(Group::id).filter(g.id()::equals).isPresent())
                    .findFirst();
            if (explicit.isPresent()) {
                GroupMembership m = explicit.get();
                return new GroupChoice(g.id(), "added to " + g.name() + " by " + m.addedBy() + " on "
                        + DAY.format(m.addedAt()) + ignored);
            }
        }
        GroupKind kind = person.kind().policyGroupKind();
        if (kind == GroupKind.PUPIL && person.yearGroup() != null) {
            YearGroup year = person.yearGroup();
            Optional<Group> byYear = groupsOf(policy, GroupKind.PUPIL)
                    .filter(g -> g.yearGroups().stream().anyMatch(y -> YearGroup.parse(y).map(year::equals).orElse(false)))
                    .findFirst();
            if (byYear.isPresent()) {
                return new GroupChoice(byYear.get().id(), "a " + year.label() + " pupil, in the policy's group for "
                        + year.label() + ignored);
            }
            String keyStage = year.keyStage().keyStage();
            Optional<Group> byStage = groupsOf(policy, GroupKind.PUPIL)
                    .filter(g -> g.keyStages().stream().anyMatch(k -> k.equalsIgnoreCase(keyStage)))
                    .findFirst();
            if (byStage.isPresent()) {
                return new GroupChoice(byStage.get().id(), "a " + keyStage + " pupil, in the policy's group for "
                        + keyStage + ignored);
            }
        }
        GroupKind fallback = kind == GroupKind.PUPIL ? GroupKind.VISITOR : kind;
        String who = person.kind().label().toLowerCase(Locale.ROOT);
        return groupsOf(policy, fallback).findFirst()
                .map(g -> new GroupChoice(g.id(), who + ", in the policy's first " + fallback.id() + " group" + ignored))
                .orElseGet(() -> new GroupChoice("unmapped-" + who,
                        who + ", but the policy has no " + fallback.id() + " group" + ignored));
    }

    private static Stream<Group> groupsOf(PolicyDocument policy, GroupKind kind) {
        return policy.groups().stream().filter(g -> g.kind() == kind);
    }

    /** " (membership of x ignored: ...)" for each membership that does not count, or "". */
    private static String ignored(PolicyDocument policy, Person person, List<GroupMembership> memberships) {
        List<String> notes = new ArrayList<>();
        for (GroupMembership m : memberships) {
            GroupMembership.Status status = m.status(policy, person.kind());
            if (status == GroupMembership.Status.GROUP_GONE) {
                notes.add("membership of " + m.groupId() + " ignored: the policy in force has no such group");
            } else if (status == GroupMembership.Status.WRONG_KIND) {
                notes.add("membership of " + m.groupId() + " ignored: it is not a "
                        + person.kind().policyGroupKind().id() + " group");
            }
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }
}
