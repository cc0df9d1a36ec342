package org.lantern.server.incidents.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.lantern.server.http.SchoolTime;

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

    /** An {@code evidence} row. */
    static Evidence of(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new Evidence(rs.getLong("id"), rs.getLong("incident_id"), EvidenceKind.valueOf(rs.getString("kind")),
                rs.getString("url"), rs.getString("description"), rs.getString("file_name"),
                rs.getString("media_type"), sizeBytes, rs.getString("sha256"), rs.getString("added_by"),
                school(rs.getObject("added_at", OffsetDateTime.class)));
    }

    /** A stored instant as the school's wall-clock time, which is how pages show it. */
    static OffsetDateTime school(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }
}
