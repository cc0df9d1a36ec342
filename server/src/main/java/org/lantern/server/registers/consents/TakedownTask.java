package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Taking a pupil out of one publication after their consent for its use was withdrawn.
 *
 * @param id            the task's id
 * @param consentId     the consent withdrawn
 * @param publicationId the publication
 * @param title         the publication's title
 * @param location      where it is (an address, a notice board)
 * @param use           its use
 * @param personId      the pupil
 * @param pupilName     the pupil's name
 * @param withdrawnOn   the day the consent was withdrawn
 * @param owner         who must take it down (the publication's owner)
 * @param dueOn         by when
 * @param doneAt        when it was done, or null while open
 * @param doneBy        who marked it done, or null
 * @param doneNote      what was done, or null
 */
public record TakedownTask(long id, long consentId, long publicationId, String title, String location, PhotoUse use,
                           long personId, String pupilName, LocalDate withdrawnOn, String owner, LocalDate dueOn,
                           OffsetDateTime doneAt, String doneBy, String doneNote) {

    /** Whether it is still to do. */
    public boolean open() {
        return doneAt == null;
    }

    /** Whether it is still to do after its due date. */
    public boolean overdueOn(LocalDate day) {
        return open() && dueOn.isBefore(day);
    }
}
