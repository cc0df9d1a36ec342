package org.lantern.server.registers.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One person's completion of one course.
 *
 * @param id              the completion's record id
 * @param courseId        the course
 * @param personId        who completed it
 * @param completedOn     the day, from the certificate or the trainer's list
 * @param evidence        what shows it, e.g. "NSPCC certificate 88123" (may be blank)
 * @param certificateName the uploaded certificate's name, or null when none was uploaded
 * @param certificateType its media type, detected from its bytes, or null
 * @param certificateSize its size in bytes, or null
 * @param recordedBy      the account that recorded it
 * @param recordedAt      when
 */
public record Completion(long id, long courseId, long personId, LocalDate completedOn, String evidence,
                         String certificateName, String certificateType, Long certificateSize, String recordedBy,
                         OffsetDateTime recordedAt) {

    /** Whether a certificate was uploaded with it. */
    public boolean hasCertificate() {
        return certificateName != null;
    }
}
