package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lantern.server.http.SchoolTime;

/**
 * A consent form as typed on the page, sent to the API or read from a CSV line, before it is checked.
 *
 * @param use         which use (null when it could not be read)
 * @param granted     whether the parent or carer agreed
 * @param givenBy     the parent or carer who signed
 * @param pupilAgreed whether the pupil agreed too, or null where they were not asked
 * @param givenOn     the date on the form
 * @param expiresOn   the last day it holds, or null for as long as the pupil is at the school
 */
public record ConsentForm(PhotoUse use, boolean granted, String givenBy, Boolean pupilAgreed, LocalDate givenOn,
                          LocalDate expiresOn) {

    static final int MAX_NAME = 200;

    /** Everything wrong with the form, in words; empty when it can be recorded. */
    public List<String> problems(LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (use == null) {
            problems.add("Choose the use the consent is for.");
        }
        String name = givenBy == null ? "" : givenBy.strip();
        if (name.isEmpty()) {
            problems.add("Give the name of the parent or carer who signed the form.");
        } else if (name.length() > MAX_NAME) {
            problems.add("The name is " + name.length() + " characters long; at most " + MAX_NAME + ".");
        }
        if (givenOn == null) {
            problems.add("Give the date on the form.");
        } else if (givenOn.isAfter(today)) {
            problems.add("The form's date, " + SchoolTime.day(givenOn) + ", is in the future.");
        } else if (expiresOn != null && expiresOn.isBefore(givenOn)) {
            problems.add("The consent ends on " + SchoolTime.day(expiresOn) + ", before the form's date, "
                    + SchoolTime.day(givenOn) + ": check the dates.");
        }
        return problems;
    }

    String name() {
        return givenBy.strip();
    }
}
