package org.lantern.server.registers.consents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.lantern.server.incidents.evidence.ContentTypes;
import org.lantern.server.incidents.evidence.EvidenceService;
import org.lantern.server.incidents.evidence.UploadCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Scans of signed consent forms. Checked as incident evidence is, with the same tools: the type is
 * detected from the bytes ({@link ContentTypes}), never from the name, and only images and PDFs are
 * taken, since a form is photographed or scanned; the size is capped well under the server's
 * upload limit, since a page scan needs no more. Stored in the database with its SHA-256.
 */
@Component
class ConsentScans {

    /** The largest scan taken: a phone photo or a scanned page is far smaller. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final List<String> TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private final JdbcClient jdbc;

    ConsentScans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored scan.
     *
     * @param id        its id
     * @param fileName  the name it was uploaded with
     * @param mediaType as detected
     * @param content   the bytes
     */
    record Scan(long id, String fileName, String mediaType, byte[] content) {
        /** A download name safe in any header: the uploaded name's plain characters and the detected type's extension. */
        String downloadName() {
            int dot = fileName.lastIndexOf('.');
            String base = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[^A-Za-z0-9._-]+", "_")
                    .replaceAll("^[._]+", "");
            return (base.isEmpty() ? "consent-" + id : base) + "." + ContentTypes.extension(mediaType);
        }
    }

    /**
     * Everything wrong with an upload, in words; empty when it can be stored.
     *
     * @param content the bytes, or null when no file was chosen
     */
    static List<String> problems(byte[] content) {
        if (content == null || content.length == 0) {
            return List.of("The scan is empty: choose the photo or PDF of the signed form.");
        }
        if (content.length > MAX_BYTES) {
            return List.of("The scan is " + UploadCheck.humanSize(content.length) + "; a scan may be at most "
                    + UploadCheck.humanSize(MAX_BYTES) + ". Nothing was recorded.");
        }
        String type = ContentTypes.detect(content);
        if (!TYPES.contains(type)) {
            return List.of("The scan is a " + ContentTypes.describe(type) + " (" + type + "), whatever its name says: "
                    + "a scan must be a PNG, JPEG, GIF or WebP image or a PDF. Nothing was recorded.");
        }
        return List.of();
    }

    /** Stores a scan that {@link #problems} passed, and returns its id. */
    long store(String fileName, byte[] content, String actor) {
        String name = UploadCheck.displayName(fileName, 255);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO consent_evidence (file_name, media_type, size_bytes, sha256, content, uploaded_by, "
                        + "uploaded_at) VALUES (:name, :type, :size, :sha, :content, :by, :at)")
                .param("name", name).param("type", ContentTypes.detect(content)).param("size", (long) content.length)
                .param("sha", EvidenceService.sha256(content)).param("content", content).param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** @throws ConsentNotFoundException when there is no such scan */
    Scan get(long id) {
        return jdbc.sql("SELECT id, file_name, media_type, content FROM consent_evidence WHERE id = :id").param("id", id)
                .query((rs, n) -> new Scan(rs.getLong("id"), rs.getString("file_name"), rs.getString("media_type"),
                        rs.getBytes("content")))
                .optional().orElseThrow(() -> new ConsentNotFoundException("There is no scan " + id + "."));
    }

    /** What the audit chain keeps of a scan: its id, type and digest, never its content. */
    Map<String, Object> auditDetail(long id) {
        return jdbc.sql("SELECT id, media_type, size_bytes, sha256 FROM consent_evidence WHERE id = :id").param("id", id)
                .query((rs, n) -> Map.<String, Object>of("scanId", rs.getLong("id"), "mediaType", rs.getString("media_type"),
                        "sizeBytes", rs.getLong("size_bytes"), "sha256", rs.getString("sha256")))
                .single();
    }
}
