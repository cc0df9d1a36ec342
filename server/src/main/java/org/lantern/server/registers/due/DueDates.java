package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.util.List;

/**
 * A register with dates something must be reviewed or renewed by. Each register implements this as a
 * Spring bean, and the "due this month" page lists what every implementation gives, so a new
 * register's dates appear there without the page knowing of it.
 */
public interface DueDates {

    /**
     * One thing due.
     *
     * @param what  what is due, in words, e.g. "The policy's review"
     * @param due   the day it is due by
     * @param link  the page where it is done, e.g. {@code /policy}
     * @param owner who does it, in words, e.g. "Governors"
     */
    record Due(String what, LocalDate due, String link, String owner) {
    }

    /** Everything this register has due on or before {@code until}, overdue items included. */
    List<Due> dueBy(LocalDate until);
}
