package org.lantern.server.people;

import java.util.List;
import java.util.Set;

/**
 * An MIS export read and checked: the valid rows, every problem found, the columns the file has,
 * and the identifying keys (UPN, admission number, staff code, proxy username) of every row, valid or not, so a
 * full-roll import never takes a person with a faulty row for a leaver.
 *
 * @param rowsRead number of non-blank data rows
 */
public record ParsedFile(List<ImportRow> rows, List<RowError> errors, Set<MisColumn> columns,
                         Set<String> keysSeen, int rowsRead) {
}
