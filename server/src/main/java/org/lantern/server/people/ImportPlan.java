package org.lantern.server.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an import would do, computed without changing anything (the dry run): people to add,
 * field-by-field changes to people already known, leavers, and every row refused and why.
 *
 * @param columns the columns the file has: a column it lacks leaves the stored value alone
 */
public record ImportPlan(String fileName, boolean fullRoll, int rowsRead, Set<MisColumn> columns, List<ImportRow> adds,
                         List<PlannedChange> changes, List<PlannedLeaver> leavers, List<RowError> errors,
                         int unchanged) {

    /** Whether the whole file can be applied as it is. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Number of rows refused (a row with two bad cells counts once). */
    public int rejectedRows() {
        return (int) errors.stream().mapToInt(RowError::row).distinct().count();
    }

    /** One field of a known person that the file changes. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    /** A known person the file changes, matched by UPN, admission number, staff code or proxy username. */
    public record PlannedChange(long personId, String name, int row, List<FieldChange> fields, ImportRow source) {
    }

    /** A person who leaves: their row carries a new leaving date, or a full-roll file no longer lists them. */
    public record PlannedLeaver(long personId, String name, PersonKind kind, LocalDate leavingDate, String why) {
    }
}
