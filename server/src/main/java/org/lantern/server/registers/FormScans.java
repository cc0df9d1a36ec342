package org.lantern.server.registers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.incidents.evidence.ContentTypes;
import org.lantern.server.incidents.evidence.EvidenceService;
import org.lantern.server.incidents.evidence.UploadCheck;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.web.multipart.MultipartFile;

/**
 * Scans of signed paper forms kept as a register's evidence (consent forms, acceptable-use
 * agreements), each register in a table of its own with the same columns. Checked as incident
 * evidence is, with the same tools: the type is detected from the bytes ({@link ContentTypes}),
 * never from the name, and only images and PDFs are taken, since a form is photographed or
 * scanned; the size is capped well under the server's upload limit, since a page scan needs no
 * more. Stored in the database with its SHA-256; every look at one is in the {@link RecordAccessLog},
 * since a signed form names a child and their parent.
 */
public class FormScans {

    /** The largest scan taken: a phone photo or a scanned page is far smaller. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    static final List<String> TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private final JdbcClient jdbc;
    private final RecordAccessLog accessLog;
    private final String table;
    private final String recordType;

    /**
     * @param table      the register's table of scans (id, file_name, media_type, size_bytes, sha256,
     *                   content, uploaded_by, uploaded_at)
     * @param recordType what the record-access log calls a look at one, e.g. {@code consent-scan}; also
     *                   the start of a download's name when the uploaded name leaves nothing
     */
    protected FormScans(JdbcClient jdbc, RecordAccessLog accessLog, String table, String recordType) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.table = table;
        this.recordType = recordType;
    }

    /**
     * A stored scan.
     *
     * @param id        its id
     * @param fileName  the name it was uploaded with
     * @param mediaType as detected
     * @param content   the bytes
     */
    public record Scan(long id, String fileName, String mediaType, byte[] content) {
        /** A download name safe in any header: the uploaded name's plain characters and the detected type's extension. */
        public String downloadName(String fallback) {
            int dot = fileName.lastIndexOf('.');
            String base = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[^A-Za-z0-9._-]+", "_")
                    .replaceAll("^[._]+", "");
            return (base.isEmpty() ? fallback + "-" + id : base) + "." + ContentTypes.extension(mediaType);
        }
    }

    /**
     * Everything wrong with an upload, in words; empty when it can be stored.
     *
     * @param content the bytes, or null when no file was chosen
     */
    public static List<String> problems(byte[] content) {
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

    /**
     * An upload's bytes, or null when no file was chosen: a form sends an empty part with no name
     * then, while a chosen file that is empty has its name and gives no bytes, for {@link #problems} to refuse.
     */
    public static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }

    /** Stores a scan that {@link #problems} passed, and returns its id. */
    public long store(String fileName, byte[] content, String actor) {
        String name = UploadCheck.displayName(fileName, 255);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO " + table + " (file_name, media_type, size_bytes, sha256, content, uploaded_by, "
                        + "uploaded_at) VALUES (:name, :type, :size, :sha, :content, :by, :at)")
                .param("name", name).param("type", ContentTypes.detect(content)).param("size", (long) content.length)
                .param("sha", EvidenceService.sha256(content)).param("content", content).param("by", actor)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * A scan, for the register's own use (nobody is shown it).
     *
     * @throws RegisterNotFoundException when there is no such scan
     */
    public Scan get(long id) {
        return jdbc.sql("SELECT id, file_name, media_type, content FROM " + table + " WHERE id = :id").param("id", id)
                .query((rs, n) -> new Scan(rs.getLong("id"), rs.getString("file_name"), rs.getString("media_type"),
                        rs.getBytes("content")))
                .optional().orElseThrow(() -> new RegisterNotFoundException("There is no scan " + id + "."));
    }

    /**
     * What a register's list says of a scan without showing it: never its content, nor the name it
     * was uploaded with, which may name the child; a download, which is logged, carries that. An
     * API's list shows it unwrapped in each entry, its id as {@code scanId}.
     *
     * @param id         its id
     * @param mediaType  as detected
     * @param sizeBytes  its size
     * @param sha256     its digest, taken when it was stored
     * @param uploadedBy who uploaded it
     * @param uploadedAt when, with offset
     */
    public record ScanInfo(@JsonProperty("scanId") long id, String mediaType, long sizeBytes, String sha256, String uploadedBy,
                           OffsetDateTime uploadedAt) {
    }

    /**
     * What a register's list says of a scan.
     *
     * @throws RegisterNotFoundException when there is no such scan
     */
    public ScanInfo info(long id) {
        return jdbc.sql("SELECT id, media_type, size_bytes, sha256, uploaded_by, uploaded_at FROM " + table
                        + " WHERE id = :id").param("id", id)
                .query((rs, n) -> new ScanInfo(rs.getLong("id"), rs.getString("media_type"), rs.getLong("size_bytes"),
                        rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)))
                .optional().orElseThrow(() -> new RegisterNotFoundException("There is no scan " + id + "."));
    }

    /** What the audit chain keeps of a scan: its id, type and digest, never its content. */
    public Map<String, Object> auditDetail(long id) {
        return jdbc.sql("SELECT id, media_type, size_bytes, sha256 FROM " + table + " WHERE id = :id").param("id", id)
                .query((rs, n) -> Map.<String, Object>of("scanId", rs.getLong("id"), "mediaType", rs.getString("media_type"),
                        "sizeBytes", rs.getLong("size_bytes"), "sha256", rs.getString("sha256")))
                .single();
    }

    /**
     * A scan as a download for {@code viewer}, for the pages and the API alike; the look is logged.
     * Always an attachment of the type detected when it was stored, never sniffed or run, and not
     * cached on a shared computer.
     *
     * @throws RegisterNotFoundException when there is no such scan
     */
    public ResponseEntity<byte[]> download(long id, Viewer viewer, Channel channel) {
        Scan scan = get(id);
        accessLog.log(viewer, recordType, id, channel, true);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(scan.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(scan.downloadName(recordType)).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(CacheControl.noStore())
                .body(scan.content());
    }
}
