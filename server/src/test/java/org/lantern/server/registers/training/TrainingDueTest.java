package org.lantern.server.registers.training;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.identity.Role;
import org.lantern.server.people.PersonKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a person stands with a course on a chosen day: renewal, due-soon window, starters' grace and one-off courses. */
class TrainingDueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Course YEARLY = new Course(1, "CYBER_SECURITY", "Cyber security", 12, Set.of(Role.STAFF), true);
    private static final Course ONCE = new Course(2, "INDUCTION", "Induction", null, Set.of(Role.STAFF), true);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(YEARLY, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 6), TrainingDue.State.OVERDUE,
                        LocalDate.of(2026, 12, 6)),
                Arguments.of(YEARLY, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 7), TrainingDue.State.DUE_SOON,
                        TODAY),
                Arguments.of(YEARLY, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 2, 5), TrainingDue.State.DUE_SOON,
                        LocalDate.of(2027, 2, 5)),
                Arguments.of(YEARLY, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 2, 6), TrainingDue.State.UP_TO_DATE,
                        LocalDate.of(2027, 2, 6)),
                Arguments.of(YEARLY, LocalDate.of(2020, 1, 1), null, TrainingDue.State.OVERDUE, null),
                Arguments.of(YEARLY, null, null, TrainingDue.State.OVERDUE, null),
                Arguments.of(YEARLY, TODAY.minusDays(30), null, TrainingDue.State.DUE_SOON, TODAY),
                Arguments.of(YEARLY, TODAY.minusDays(31), null, TrainingDue.State.OVERDUE, null),
                Arguments.of(ONCE, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2), TrainingDue.State.UP_TO_DATE, null),
                Arguments.of(ONCE, TODAY.minusDays(2), null, TrainingDue.State.DUE_SOON, TODAY.plusDays(28)));
    }

    @ParameterizedTest(name = "{0}, started {1}, last done {2}: {3} by {4}")
    @MethodSource("cases")
    void standingOnAChosenDay(Course course, LocalDate started, LocalDate lastDone, TrainingDue.State state,
                              LocalDate dueOn) {
        Trainee trainee = new Trainee(1, "Sam Jones", PersonKind.STAFF, null, started, null);
        TrainingDue due = TrainingDue.of(trainee, course, lastDone, TODAY);
        assertThat(due.state()).isEqualTo(state);
        assertThat(due.dueOn()).isEqualTo(dueOn);
    }

    static Stream<Arguments> roles() {
        return Stream.of(Arguments.of(PersonKind.STAFF, null, true), Arguments.of(PersonKind.GOVERNOR, null, false),
                Arguments.of(PersonKind.PUPIL, null, false), Arguments.of(PersonKind.STAFF, Role.OFFICE, false),
                Arguments.of(PersonKind.GOVERNOR, Role.STAFF, true));
    }

    @ParameterizedTest(name = "a {0} with a {1} account takes a staff-only course: {2}")
    @MethodSource("roles")
    void aCourseIsTakenByTheRoleOfTheAccountOrElseByKind(PersonKind kind, Role role, boolean takes) {
        assertThat(new Trainee(1, "A B", kind, role, null, null).mustTake(YEARLY)).isEqualTo(takes);
    }
}
