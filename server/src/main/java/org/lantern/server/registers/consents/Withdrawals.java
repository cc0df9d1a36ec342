package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantern.server.http.SchoolTime;

/**
 * The rules of withdrawing a photo consent, apart from the database so each can be tested on its
 * own ({@link Consents#withdraw} applies them, then writes). A withdrawal names who withdrew it and
 * is dated neither in the future nor before the consent was given; only a consent given and not
 * already withdrawn can be withdrawn; and naming no use withdraws every use now given.
 */
final class Withdrawals {

    private Withdrawals() {
    }

    /**
     * Checks a withdrawal of {@code pupil}'s consents and chooses the consents it withdraws.
     *
     * @param consents    the pupil's consents by use
     * @param uses        the uses named; empty for every use now given
     * @param withdrawnOn the day it was withdrawn, or null when none was given
     * @param withdrawnBy who withdrew it as typed, or null
     * @param today       the school's today
     * @return the consents withdrawn, by use
     * @throws ConsentException (400) for no name or one too long, no date, or a date in the future or before a
     *                          consent was given; (409) for a use not given (withdrawn, refused, never recorded)
     */
    static List<Consent> choose(String pupil, Map<PhotoUse, Consent> consents, Set<PhotoUse> uses,
                                LocalDate withdrawnOn, String withdrawnBy, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String name = name(withdrawnBy);
        if (name.isEmpty()) {
            problems.add("Give the name of whoever withdrew the consent.");
        } else if (name.length() > ConsentForm.MAX_NAME) {
            problems.add("The name is " + name.length() + " characters long; at most " + ConsentForm.MAX_NAME + ".");
        }
        if (withdrawnOn == null) {
            problems.add("Give the date the consent was withdrawn.");
        } else if (withdrawnOn.isAfter(today)) {
            problems.add("The withdrawal's date, " + SchoolTime.day(withdrawnOn) + ", is in the future.");
        }
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        List<String> clashes = new ArrayList<>();
        for (PhotoUse use : uses.stream().sorted().toList()) {
            Consent c = consents.get(use);
            if (c == null) {
                clashes.add("No consent for " + use.label() + " is recorded for " + pupil + ".");
            } else if (c.withdrawnOn() != null) {
                clashes.add(pupil + "'s consent for " + use.label() + " was already withdrawn on "
                        + SchoolTime.day(c.withdrawnOn()) + ".");
            } else if (!c.granted()) {
                clashes.add(pupil + "'s consent for " + use.label() + " was refused, so there is nothing to withdraw.");
            }
        }
        List<Consent> chosen = uses.isEmpty()
                ? consents.values().stream().filter(c -> c.granted() && c.withdrawnOn() == null).toList()
                : uses.stream().sorted().map(consents::get).toList();
        if (uses.isEmpty() && chosen.isEmpty()) {
            clashes.add(pupil + " has no consent given to withdraw: every use is already withdrawn, "
                    + "refused or not recorded.");
        }
        if (!clashes.isEmpty()) {
            throw new ConsentException(clashes, true);
        }
        for (Consent c : chosen) {
            if (withdrawnOn.isBefore(c.givenOn())) {
                problems.add("The withdrawal's date, " + SchoolTime.day(withdrawnOn) + ", is before the consent for "
                        + c.use().label() + " was given on " + SchoolTime.day(c.givenOn()) + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        return chosen;
    }

    /** Who withdrew it, as kept: stripped, empty when none was given. */
    static String name(String withdrawnBy) {
        return withdrawnBy == null ? "" : withdrawnBy.strip();
    }

    /** The day a takedown of a publication is due: {@code days} after the consent was withdrawn. */
    static LocalDate takedownDue(LocalDate withdrawnOn, int days) {
        return withdrawnOn.plusDays(days);
    }
}
