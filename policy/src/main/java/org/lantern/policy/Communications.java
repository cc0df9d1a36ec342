package org.lantern.policy;

import java.util.List;

/**
 * The Communications table: which communication technologies staff and pupils may use, tick for
 * tick as published.
 *
 * @param staffColumns the "Staff &amp; other adults" columns
 * @param pupilColumns the "Pupils" columns
 * @param rows         one per technology
 * @param notes        footnotes printed under the table
 */
public record Communications(List<Column> staffColumns, List<Column> pupilColumns, List<Row> rows,
                             List<String> notes) {
    public Communications {
        staffColumns = Lists.copy(staffColumns);
        pupilColumns = Lists.copy(pupilColumns);
        rows = Lists.copy(rows);
        notes = Lists.copy(notes);
    }

    /**
     * One technology and its ticks.
     *
     * @param id     stable identifier
     * @param text   row text as published
     * @param staff  ids of the ticked staff columns
     * @param pupils ids of the ticked pupil columns
     */
    public record Row(String id, String text, List<String> staff, List<String> pupils) {
        public Row {
            staff = Lists.copy(staff);
            pupils = Lists.copy(pupils);
        }
    }
}
