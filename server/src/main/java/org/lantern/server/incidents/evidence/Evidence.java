package org.lantern.server.incidents.evidence;

import java.time.OffsetDateTime;

/**
 * A piece of evidence attached to an incident: a URL or description (text), or a screenshot or
 * file (bytes kept apart, see {@link EvidenceService#download}).
 *
 * @param id          its id
 * @param incidentId  the incident it belongs to
 * @param kind        link, description, screenshot or file
 * @param url         the address as typed, for links
 * @param description the text, for descriptions
 * @param fileName    the name as uploaded, for screenshots and files
 * @param mediaType   the type detected from the bytes, for screenshots and files
 * @param sizeBytes   the size, for screenshots and files
 * @param sha256      the SHA-256 of the content as added (UTF-8 text for links and descriptions)
 * @param addedBy     who added it
 * @param addedAt     when (school time zone)
 */
public record Evidence(long id, long incidentId, EvidenceKind kind, String url, String description, String fileName,
                       String mediaType, Long sizeBytes, String sha256, String addedBy, OffsetDateTime addedAt) {

    /** A short name for lists: the file name, or the kind for text items. */
    public String title() {
        return fileName != null ? fileName : kind.label();
    }

    /** The size for people, e.g. "1.2 MB", or empty for text items. */
    public String size() {
        return sizeBytes == null ? "" : EvidenceService.humanSize(sizeBytes);
    }
}
