package org.lantern.server.registers.training;

import java.time.LocalDate;

import org.lantern.server.http.SchoolTime;

/**
 * Where one person stands with one course they must take on a given day. A course is due again its
 * renewal period after it was last completed, and "due soon" within {@value #DUE_SOON_DAYS} days of
 * that; a course never taken is overdue, except that a starter has {@value #STARTER_DAYS} days from
 * their first day. A course taken once (induction) is never due again.
 *
 * @param trainee  who
 * @param course   the course
 * @param lastDone the day they last completed it, or null when never
 * @param dueOn    the day it must be done by, or null when never taken by someone who is no starter, or
 *                 taken once for good
 * @param state    overdue, due soon or up to date
 */
public record TrainingDue(Trainee trainee, Course course, LocalDate lastDone, LocalDate dueOn, State state) {

    /** How far ahead a renewal is listed as due. */
    public static final int DUE_SOON_DAYS = 60;
    /** How long a starter has to take a course before it is overdue. */
    public static final int STARTER_DAYS = 30;

    /** Where a person stands with a course. */
    public enum State {
        OVERDUE("Overdue"), DUE_SOON("Due soon"), UP_TO_DATE("Up to date");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where {@code trainee} stands on {@code today} with {@code course}, last completed on {@code lastDone} (or never). */
    public static TrainingDue of(Trainee trainee, Course course, LocalDate lastDone, LocalDate today) {
        LocalDate dueOn;
        if (lastDone != null) {
            if (course.renewalMonths() == null) {
                return new TrainingDue(trainee, course, lastDone, null, State.UP_TO_DATE);
            }
            dueOn = lastDone.plusMonths(course.renewalMonths());
        } else if (trainee.startDate() != null && !trainee.startDate().plusDays(STARTER_DAYS).isBefore(today)) {
            dueOn = trainee.startDate().plusDays(STARTER_DAYS);
        } else {
            return new TrainingDue(trainee, course, null, null, State.OVERDUE);
        }
        State state = dueOn.isBefore(today) ? State.OVERDUE
                : dueOn.isAfter(today.plusDays(DUE_SOON_DAYS)) ? State.UP_TO_DATE : State.DUE_SOON;
        return new TrainingDue(trainee, course, lastDone, dueOn, state);
    }

    /** "never taken", "due 3 Sep 2027", "was due 1 Sep 2026", "done, not renewed": what the lists show. */
    public String dueText() {
        if (dueOn == null) {
            return lastDone == null ? "never taken" : "done, not renewed";
        }
        return (state == State.OVERDUE ? "was due " : "due ") + SchoolTime.day(dueOn);
    }
}
