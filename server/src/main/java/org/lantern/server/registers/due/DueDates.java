package org.lantern.server.registers.due;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lantern.server.identity.Permission;

/**
 * A register with dates something must be reviewed or renewed by. Each register implements this as a
 * Spring bean, and the "due this month" page and the weekly email to owners list what every
 * implementation gives, so a new register's dates appear there without either knowing of it.
 */
public interface DueDates {

    /**
     * One thing due. Its words must never name a pupil or hold a safeguarding detail: they are shown
     * to governors and sent by email, which is not a secure channel.
     *
     * @param what         what is due, in words, e.g. "The policy's review"
     * @param due          the day it is due by
     * @param link         the page where it is done, e.g. {@code /policy}
     * @param owner        who does it, in words, e.g. "Governors"
     * @param opens        the permission needed to open {@code link}: only its holders are shown the item
     * @param keeper       the permission of those who keep the register, emailed when it has no owner
     * @param ownerAccount the username of the one person who owns it, or null when the keepers do
     */
    record Due(String what, LocalDate due, String link, String owner, Permission opens, Permission keeper,
               String ownerAccount) {

        /** An item the register's keepers answer for, with no single owner. */
        public Due(String what, LocalDate due, String link, String owner, Permission opens, Permission keeper) {
            this(what, due, link, owner, opens, keeper, null);
        }
    }

    /** Everything this register has due on or before {@code until}, overdue items included. */
    List<Due> dueBy(LocalDate until);

    /**
     * Every permission its items may be opened with ({@link Due#opens}): a viewer holding any one of
     * them, across all registers, may open the "due this month" page, and is shown only their items.
     */
    Set<Permission> opens();
}
