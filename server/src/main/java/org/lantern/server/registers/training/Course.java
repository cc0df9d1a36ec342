package org.lantern.server.registers.training;

import java.util.Set;

import org.lantern.server.identity.Role;

/**
 * A course the school requires of some of its people.
 *
 * @param id            the course's record id
 * @param code          a short stable name, e.g. {@code CYBER_SECURITY}, used by CSV imports
 * @param title         what people call it, e.g. "Cyber security"
 * @param renewalMonths how often it must be taken again, or null for once only (induction)
 * @param roles         who must take it: the roles of their accounts (a person with no account counts by their kind)
 * @param forStarters   whether it is on a starter's induction checklist
 */
public record Course(long id, String code, String title, Integer renewalMonths, Set<Role> roles, boolean forStarters) {

    public Course {
        roles = Set.copyOf(roles);
    }

    /** "every 2 years", "every year", "every 6 months" or "once". */
    public String renewalText() {
        if (renewalMonths == null) {
            return "once";
        }
        if (renewalMonths % 12 == 0) {
            int years = renewalMonths / 12;
            return years == 1 ? "every year" : "every " + years + " years";
        }
        return renewalMonths == 1 ? "every month" : "every " + renewalMonths + " months";
    }

    /** Who must take it, e.g. "Staff, Governor". */
    public String rolesText() {
        return roles.stream().sorted().map(Role::title).reduce((a, b) -> a + ", " + b).orElse("nobody");
    }
}
