package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One person's acceptance of one version of an agreement.
 *
 * @param id            the acceptance's record id
 * @param personId      whose agreement it is (the pupil, for a parents' agreement)
 * @param versionId     the version accepted
 * @param audience      that version's audience
 * @param versionNumber that version's number
 * @param method        online or a paper form
 * @param signedOn      the day it was accepted, or the date on the paper form
 * @param signedBy      who signed: the person's name online, the name on a paper form (e.g. a parent)
 * @param recordedBy    the account that recorded it: the person themselves online, the member of staff for paper
 * @param recordedAt    when it was recorded
 * @param scanId        the scan of the paper form kept as evidence, or null
 */
public record Acceptance(long id, long personId, long versionId, Audience audience, int versionNumber,
                         AcceptanceMethod method, LocalDate signedOn, String signedBy, String recordedBy,
                         OffsetDateTime recordedAt, Long scanId) {
}
