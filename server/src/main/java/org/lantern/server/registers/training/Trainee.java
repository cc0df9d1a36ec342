package org.lantern.server.registers.training;

import java.time.LocalDate;
import java.util.Optional;

import org.lantern.server.identity.Role;
import org.lantern.server.people.PersonKind;

/**
 * A person on roll as the training register sees them: their role decides which courses they must take.
 *
 * @param personId  who
 * @param name      their name as the school uses it
 * @param kind      staff, governor, pupil or visitor
 * @param role      their account's role, or null when they have no account
 * @param startDate their first day, or null when the directory does not say
 * @param email     their email address, or null
 */
public record Trainee(long personId, String name, PersonKind kind, Role role, LocalDate startDate, String email) {

    /**
     * The role courses are assigned by: the account's, or for someone without an account, staff or
     * governor by their kind; pupils and visitors without an account take no course.
     */
    public Optional<Role> trainingRole() {
        if (role != null) {
            return Optional.of(role);
        }
        return switch (kind) {
            case STAFF -> Optional.of(Role.STAFF);
            case GOVERNOR -> Optional.of(Role.GOVERNOR);
            default -> Optional.empty();
        };
    }

    /** Whether they must take this course. */
    public boolean mustTake(Course course) {
        return trainingRole().filter(course.roles()::contains).isPresent();
    }
}
