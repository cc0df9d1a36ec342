package org.lantern.server.incidents.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence for incidents (seed 002: "record the URL ... describe the nature of the content ...
 * record and store screenshots"), with a chain of custody. Whoever may read an incident (its
 * recorder, and INCIDENT_READ_ALL) may add to and read its evidence ({@link EvidenceAccess}); every
 * add, view, download and export is a custody row and an {@link AuditChain} entry holding the item's
 * SHA-256 ({@link EvidenceCustody}), and every look is in the record-access log. Downloads re-check
 * the digest and refuse bytes that changed; {@link EvidenceExport} hands an incident's evidence over.
 *
 * <p>Refusals (not found, rejected, tampered) are thrown before anything changes and do not roll
 * back, so the record-access and custody rows that log the attempt are kept.
 *
 * <p>A file's type is detected from its bytes and must be on the allowed list; incidents on the
 * {@link IllegalMaterialPath} take no files at all, so illegal material is never copied into Lantern.
 */
@Service
public class EvidenceService {

    static final int MAX_URL = 2_000;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_FILE_NAME = 255;
    static final String RECORD_TYPE = "evidence";

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);

    private final JdbcClient jdbc;
    private final EvidenceAccess access;
    private final EvidenceCustody custody;
    private final EvidenceProperties properties;

    EvidenceService(JdbcClient jdbc, EvidenceAccess access, EvidenceCustody custody, EvidenceProperties properties) {
        this.jdbc = jdbc;
        this.access = access;
        this.custody = custody;
        this.properties = properties;
    }

    /**
     * An evidence item opened: its details and chain of custody.
     *
     * @param item    the item
     * @param custody its custody log, oldest first (including this view)
     */
    public record Opened(Evidence item, List<Custody> custody) {
    }

    /**
     * A file ready to send, its digest just checked.
     *
     * @param item     the item
     * @param content  its bytes
     * @param fileName a safe name for Content-Disposition (letters, digits, {@code . _ -} only)
     */
    public record Download(Evidence item, byte[] content, String fileName) {
    }

    /** The evidence of an incident the viewer may read, oldest first; the look is logged. */
    @Transactional(noRollbackFor = EvidenceNotFoundException.class)
    public List<Evidence> list(long incidentId, Viewer viewer, Channel channel) {
        access.incident(incidentId, viewer, channel);
        return itemsOf(incidentId);
    }

    /** The evidence of an incident already shown to its reader (the incident page), oldest first. */
    public List<Evidence> itemsOf(long incidentId) {
        return jdbc.sql("SELECT * FROM evidence WHERE incident_id = :id ORDER BY id").param("id", incidentId)
                .query(Evidence::of).list();
    }

    /**
     * Adds an address. It is stored as typed and never fetched.
     *
     * @throws EvidenceRejectedException for a blank, multi-line or over-long address
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceRejectedException.class})
    public Evidence addUrl(long incidentId, String url, Viewer viewer, Channel channel) {
        access.incident(incidentId, viewer, channel);
        String text = url == null ? "" : url.strip();
        List<String> problems = new ArrayList<>();
        if (text.isEmpty()) {
            problems.add("Give the address (URL).");
        } else if (text.length() > MAX_URL) {
            problems.add("The address must be at most " + MAX_URL + " characters.");
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add("The address must be on one line.");
        }
        reject(problems);
        return insert(incidentId, EvidenceKind.URL, text, null, null, null, null, sha256(text), viewer, channel);
    }

    /**
     * Adds a description of what was seen.
     *
     * @throws EvidenceRejectedException for a blank or over-long description
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceRejectedException.class})
    public Evidence addDescription(long incidentId, String description, Viewer viewer, Channel channel) {
        access.incident(incidentId, viewer, channel);
        String text = description == null ? "" : description.strip();
        List<String> problems = new ArrayList<>();
        if (text.isEmpty()) {
            problems.add("Describe what was seen.");
        } else if (text.length() > MAX_DESCRIPTION) {
            problems.add("The description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        reject(problems);
        return insert(incidentId, EvidenceKind.DESCRIPTION, null, text, null, null, null, sha256(text), viewer,
                channel);
    }

    /**
     * Adds an uploaded screenshot or file after checking its size and, from its bytes, its type.
     *
     * @param fileName the name it was uploaded with, shown to people (never used to decide its type)
     * @throws EvidenceRejectedException on the illegal-material path, or for an empty, oversized or
     *                                   disallowed file; nothing is stored
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceRejectedException.class})
    public Evidence addFile(long incidentId, String fileName, byte[] content, Viewer viewer, Channel channel) {
        Incident incident = access.incident(incidentId, viewer, channel);
        if (IllegalMaterialPath.applies(incident)) {
            LOG.warn("Refused: {} tried to upload a file to incident {}, which follows the illegal-material path",
                    viewer.username(), incidentId);
            throw new EvidenceRejectedException(IllegalMaterialPath.GUIDANCE);
        }
        if (content == null || content.length == 0) {
            throw new EvidenceRejectedException("The file is empty: choose the screenshot or file to upload.");
        }
        String type = uploads().typeOf(content);
        String name = UploadCheck.displayName(fileName, MAX_FILE_NAME);
        EvidenceKind kind = type.startsWith("image/") ? EvidenceKind.SCREENSHOT : EvidenceKind.FILE;
        Evidence item = insert(incidentId, kind, null, null, name, type, (long) content.length, sha256(content), viewer,
                channel);
        jdbc.sql("INSERT INTO evidence_content (evidence_id, content) VALUES (:id, :content)")
                .param("id", item.id()).param("content", content).update();
        return item;
    }

    /**
     * Refuses a file larger than {@code lantern.evidence.max-size} in plain words.
     *
     * @throws EvidenceRejectedException if {@code size} is over the limit
     */
    void checkSize(long size) {
        uploads().checkSize(size);
    }

    /** The allowed types in words, e.g. "a PNG image, a JPEG image or a PDF". */
    public String allowedTypesText() {
        return uploads().allowedTypesText();
    }

    /** The largest file accepted, in words, e.g. "10 MB". */
    public String maxSizeText() {
        return uploads().maxSizeText();
    }

    private UploadCheck uploads() {
        return new UploadCheck("evidence files", properties.maxSize().toBytes(), properties.allowedTypes());
    }

    /** What to do instead of uploading, on the illegal-material path. */
    public String illegalPathGuidance() {
        return IllegalMaterialPath.GUIDANCE;
    }

    /** Whether this incident refuses screenshots and files (the illegal-material path). */
    public boolean uploadsRefused(Incident incident) {
        return IllegalMaterialPath.applies(incident);
    }

    /**
     * Opens an item: its details and custody log. The view is itself a custody entry.
     *
     * @throws EvidenceNotFoundException for an incident or item the viewer may not see (logged)
     */
    @Transactional(noRollbackFor = EvidenceNotFoundException.class)
    public Opened open(long incidentId, long evidenceId, Viewer viewer, Channel channel) {
        Evidence item = access.item(incidentId, evidenceId, viewer, channel, any -> true);
        custody.record(item, CustodyAction.VIEWED, item.sha256(), viewer, channel, Map.of());
        return new Opened(item, custody.of(evidenceId));
    }

    /**
     * A screenshot or file for download, after checking its bytes still match their SHA-256.
     *
     * @throws EvidenceNotFoundException  for an incident or item the viewer may not see, or a text item
     * @throws EvidenceTamperedException  if the bytes changed: not served, and the refusal is recorded
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceTamperedException.class})
    public Download download(long incidentId, long evidenceId, Viewer viewer, Channel channel) {
        // A link or description has no bytes: asking to download one is asking for something not there.
        Evidence item = access.item(incidentId, evidenceId, viewer, channel, i -> i.kind().hasContent());
        byte[] content = custody.verifiedContent(item, viewer, channel);
        custody.record(item, CustodyAction.DOWNLOADED, item.sha256(), viewer, channel, Map.of());
        return new Download(item, content, safeFileName(item));
    }

    private Evidence insert(long incidentId, EvidenceKind kind, String url, String description, String fileName,
                            String mediaType, Long size, String digest, Viewer viewer, Channel channel) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evidence (incident_id, kind, url, description, file_name, media_type, size_bytes, sha256, "
                        + "added_by_account, added_by, added_at) VALUES (:incident, :kind, :url, :description, :name, "
                        + ":type, :size, :sha, :account, :by, :now)")
                .param("incident", incidentId).param("kind", kind.name()).param("url", url)
                .param("description", description).param("name", fileName).param("type", mediaType)
                .param("size", size).param("sha", digest).param("account", viewer.accountId())
                .param("by", viewer.username()).param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        Evidence item = new Evidence(id, incidentId, kind, url, description, fileName, mediaType, size, digest,
                viewer.username(), Evidence.school(now));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind.name());
        if (mediaType != null) {
            detail.put("mediaType", mediaType);
            detail.put("sizeBytes", size);
        }
        custody.record(item, CustodyAction.ADDED, digest, viewer, channel, detail);
        return item;
    }

    /**
     * A download name that is safe in any header and on any file system: the uploaded name's
     * letters, digits, dots, dashes and underscores, and the extension of the type detected.
     */
    static String safeFileName(Evidence item) {
        String name = item.fileName() == null ? "" : item.fileName();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "_")
                .replaceAll("^[._]+", "");
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        if (base.isEmpty()) {
            base = "evidence-" + item.id();
        }
        return base + "." + ContentTypes.extension(item.mediaType());
    }

    private static void reject(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new EvidenceRejectedException(problems);
        }
    }

    /** A size for people: bytes, KB or MB (powers of 1024, as file managers show them). */
    static String humanSize(long bytes) {
        return UploadCheck.humanSize(bytes);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
