package org.lantern.server.registers.consents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lantern.server.people.YearGroup;

/**
 * Which pupils a list is for, as typed: registration classes (a trip can take several) and a
 * year group, and what was wrong with them.
 *
 * @param classes  the classes, or empty for all
 * @param year     the year group, or null for all
 * @param problems what could not be read
 */
public record PupilFilter(Set<String> classes, YearGroup year, List<String> problems) {

    static PupilFilter read(List<String> classes, String year) {
        List<String> problems = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        for (String c : classes) {
            if (c != null && !c.isBlank()) {
                chosen.add(c.strip());
            }
        }
        YearGroup y = null;
        if (year != null && !year.isBlank()) {
            y = YearGroup.parse(year).orElse(null);
            if (y == null) {
                problems.add("'" + year.strip() + "' is not a year group: use R or 1 to 13.");
            }
        }
        return new PupilFilter(chosen, y, problems);
    }

    /** Whether any class or year was chosen. */
    public boolean chosen() {
        return !classes.isEmpty() || year != null;
    }
}
