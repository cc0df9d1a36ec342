package org.lantern.server.incidents.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
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
 * recorder, and INCIDENT_READ_ALL) may add to and read its evidence; every add, view, download and
 * export is a custody row and an {@link AuditChain} entry holding the item's SHA-256, and every
 * look is in the record-access log. Downloads re-check the digest and refuse bytes that changed.
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final AuditChain audit;
    private final EvidenceProperties properties;

    EvidenceService(JdbcClient jdbc, IncidentService incidents, AuditChain audit, EvidenceProperties properties) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.audit = audit;
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

    /**
     * An incident's evidence as one ZIP: each file, {@code manifest.csv} (every item with its
     * SHA-256) and {@code custody.csv}.
     *
     * @param content  the ZIP bytes
     * @param fileName a safe name for Content-Disposition
     */
    public record Export(byte[] content, String fileName) {
    }

    /** The evidence of an incident the viewer may read, oldest first; the look is logged. */
    @Transactional(noRollbackFor = EvidenceNotFoundException.class)
    public List<Evidence> list(long incidentId, Viewer viewer, Channel channel) {
        visibleIncident(incidentId, viewer, channel);
        return itemsOf(incidentId);
    }

    /** The evidence of an incident already shown to its reader (the incident page), oldest first. */
    public List<Evidence> itemsOf(long incidentId) {
        return jdbc.sql("SELECT * FROM evidence WHERE incident_id = :id ORDER BY id").param("id", incidentId)
                .query(EvidenceService::evidence).list();
    }

    /**
     * Adds an address. It is stored as typed and never fetched.
     *
     * @throws EvidenceRejectedException for a blank, multi-line or over-long address
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceRejectedException.class})
    public Evidence addUrl(long incidentId, String url, Viewer viewer, Channel channel) {
        visibleIncident(incidentId, viewer, channel);
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
        visibleIncident(incidentId, viewer, channel);
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
        Incident incident = visibleIncident(incidentId, viewer, channel);
        if (IllegalMaterialPath.applies(incident)) {
            LOG.warn("Refused: {} tried to upload a file to incident {}, which follows the illegal-material path",
                    viewer.username(), incidentId);
            throw new EvidenceRejectedException(IllegalMaterialPath.GUIDANCE);
        }
        if (content == null || content.length == 0) {
            throw new EvidenceRejectedException("The file is empty: choose the screenshot or file to upload.");
        }
        checkSize(content.length);
        String type = ContentTypes.detect(content);
        if (!properties.allowedTypes().contains(type)) {
            throw new EvidenceRejectedException("This file is a " + ContentTypes.describe(type) + " (" + type
                    + "), whatever its name says. Evidence can be " + allowedTypesText()
                    + ". Nothing was uploaded.");
        }
        String name = displayName(fileName);
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
        long max = properties.maxSize().toBytes();
        if (size > max) {
            throw new EvidenceRejectedException("The file is " + humanSize(size) + "; evidence files may be at most "
                    + humanSize(max) + ". Nothing was uploaded.");
        }
    }

    /** The allowed types in words, e.g. "a PNG image, a JPEG image or a PDF". */
    public String allowedTypesText() {
        List<String> names = properties.allowedTypes().stream().map(ContentTypes::describe).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** The largest file accepted, in words, e.g. "10 MB". */
    public String maxSizeText() {
        return humanSize(properties.maxSize().toBytes());
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
        Evidence item = visibleItem(incidentId, evidenceId, viewer, channel);
        custody(item, CustodyAction.VIEWED, item.sha256(), viewer, channel, Map.of());
        return new Opened(item, custodyOf(evidenceId));
    }

    /**
     * A screenshot or file for download, after checking its bytes still match their SHA-256.
     *
     * @throws EvidenceNotFoundException  for an incident or item the viewer may not see, or a text item
     * @throws EvidenceTamperedException  if the bytes changed: not served, and the refusal is recorded
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceTamperedException.class})
    public Download download(long incidentId, long evidenceId, Viewer viewer, Channel channel) {
        Evidence item = visibleItem(incidentId, evidenceId, viewer, channel);
        if (!item.kind().hasContent()) {
            throw new EvidenceNotFoundException();
        }
        byte[] content = verifiedContent(item, viewer, channel);
        custody(item, CustodyAction.DOWNLOADED, item.sha256(), viewer, channel, Map.of());
        return new Download(item, content, safeFileName(item));
    }

    /**
     * Every item of an incident in one ZIP for handing over (e.g. to the police or the LADO), each
     * file's digest checked first. Each item gets an "exported" custody entry.
     *
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     * @throws EvidenceTamperedException if any file changed: nothing is exported
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceTamperedException.class})
    public Export export(long incidentId, Viewer viewer, Channel channel) {
        visibleIncident(incidentId, viewer, channel);
        List<Evidence> items = itemsOf(incidentId);
        Map<Long, byte[]> files = new LinkedHashMap<>();
        for (Evidence item : items) {
            if (item.kind().hasContent()) {
                files.put(item.id(), verifiedContent(item, viewer, channel));
            }
        }
        for (Evidence item : items) {
            custody(item, CustodyAction.EXPORTED, item.sha256(), viewer, channel, Map.of());
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Evidence item : items) {
                if (files.containsKey(item.id())) {
                    out.putNextEntry(new ZipEntry(exportName(item)));
                    out.write(files.get(item.id()));
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry("manifest.csv"));
            out.write(manifest(items, files));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("custody.csv"));
            out.write(custodyCsv(items));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new Export(zip.toByteArray(), "incident-" + incidentId + "-evidence.zip");
    }

    /** An item's chain of custody, oldest first. */
    public List<Custody> custodyOf(long evidenceId) {
        return jdbc.sql("SELECT occurred_at, username, action, sha256, channel FROM evidence_custody "
                        + "WHERE evidence_id = :id ORDER BY id").param("id", evidenceId)
                .query((rs, n) -> new Custody(school(rs.getObject("occurred_at", OffsetDateTime.class)),
                        rs.getString("username"), CustodyAction.valueOf(rs.getString("action")),
                        rs.getString("sha256"), Channel.valueOf(rs.getString("channel"))))
                .list();
    }

    private Incident visibleIncident(long incidentId, Viewer viewer, Channel channel) {
        return incidents.read(incidentId, viewer, channel).orElseThrow(EvidenceNotFoundException::new);
    }

    private Evidence visibleItem(long incidentId, long evidenceId, Viewer viewer, Channel channel) {
        visibleIncident(incidentId, viewer, channel);
        Optional<Evidence> item = jdbc.sql("SELECT * FROM evidence WHERE id = :id AND incident_id = :incident")
                .param("id", evidenceId).param("incident", incidentId).query(EvidenceService::evidence).optional();
        logAccess(viewer, evidenceId, channel, item.isPresent());
        if (item.isEmpty()) {
            LOG.warn("Denied: {} (account {}) asked for evidence {} through incident {}, which does not hold it",
                    viewer.username(), viewer.accountId(), evidenceId, incidentId);
            throw new EvidenceNotFoundException();
        }
        return item.get();
    }

    private byte[] verifiedContent(Evidence item, Viewer viewer, Channel channel) {
        byte[] content = jdbc.sql("SELECT content FROM evidence_content WHERE evidence_id = :id")
                .param("id", item.id()).query((rs, n) -> rs.getBytes("content")).optional().orElse(new byte[0]);
        String found = sha256(content);
        if (!found.equals(item.sha256())) {
            LOG.error("TAMPERING: evidence {} of incident {} has SHA-256 {} but {} was recorded when it was added; "
                    + "refused to {}", item.id(), item.incidentId(), found, item.sha256(), viewer.username());
            custody(item, CustodyAction.TAMPERING_DETECTED, found, viewer, channel, Map.of("expectedSha256", item.sha256()));
            throw new EvidenceTamperedException(item.id());
        }
        return content;
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
                viewer.username(), school(now));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind.name());
        if (mediaType != null) {
            detail.put("mediaType", mediaType);
            detail.put("sizeBytes", size);
        }
        custody(item, CustodyAction.ADDED, digest, viewer, channel, detail);
        return item;
    }

    /** One custody row and its audit-chain entry, in the caller's transaction. */
    private void custody(Evidence item, CustodyAction action, String digest, Viewer viewer, Channel channel,
                         Map<String, Object> extra) {
        jdbc.sql("INSERT INTO evidence_custody (evidence_id, occurred_at, account_id, username, action, sha256, channel) "
                        + "VALUES (:id, :at, :account, :username, :action, :sha, :channel)")
                .param("id", item.id()).param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("account", viewer.accountId()).param("username", viewer.username())
                .param("action", action.name()).param("sha", digest).param("channel", channel.name()).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("incidentId", item.incidentId());
        detail.put("sha256", digest);
        detail.put("channel", channel.name());
        detail.putAll(extra);
        audit.append(viewer.username(), "evidence." + action.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                RECORD_TYPE, Long.toString(item.id()), json(detail));
    }

    /**
     * A look at an evidence item, in the same record-access log as looks at incidents, so "who has
     * seen this?" has one answer; a request for an item outside the incident is logged as denied.
     */
    private void logAccess(Viewer viewer, long evidenceId, Channel channel, boolean allowed) {
        jdbc.sql("INSERT INTO record_access (accessed_at, account_id, username, record_type, record_id, channel, allowed) "
                        + "VALUES (:at, :account, :username, :type, :id, :channel, :allowed)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("account", viewer.accountId())
                .param("username", viewer.username()).param("type", RECORD_TYPE).param("id", evidenceId)
                .param("channel", channel.name()).param("allowed", allowed).update();
    }

    private byte[] manifest(List<Evidence> items, Map<Long, byte[]> files) {
        return SafeCsv.toBytes(List.of("id", "kind", "added_by", "added_at", "media_type", "size_bytes", "sha256", "file",
                "original_name", "url", "description"), items.stream().map(i -> List.<Object>of(i.id(), i.kind(),
                i.addedBy(), i.addedAt(), nullToEmpty(i.mediaType()), i.sizeBytes() == null ? "" : i.sizeBytes(),
                i.sha256(), files.containsKey(i.id()) ? exportName(i) : "", nullToEmpty(i.fileName()),
                nullToEmpty(i.url()), nullToEmpty(i.description()))).toList());
    }

    private byte[] custodyCsv(List<Evidence> items) {
        List<List<Object>> rows = new ArrayList<>();
        for (Evidence item : items) {
            for (Custody c : custodyOf(item.id())) {
                rows.add(List.of(item.id(), c.occurredAt(), c.username(), c.action(), c.sha256(), c.channel()));
            }
        }
        return SafeCsv.toBytes(List.of("evidence_id", "occurred_at", "username", "action", "sha256", "channel"), rows);
    }

    private static String exportName(Evidence item) {
        return "evidence-" + item.id() + "-" + safeFileName(item);
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

    private static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(0, MAX_FILE_NAME);
        }
        return name.isEmpty() ? "upload" : name;
    }

    private static void reject(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new EvidenceRejectedException(problems);
        }
    }

    private static Evidence evidence(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new Evidence(rs.getLong("id"), rs.getLong("incident_id"), EvidenceKind.valueOf(rs.getString("kind")),
                rs.getString("url"), rs.getString("description"), rs.getString("file_name"),
                rs.getString("media_type"), sizeBytes, rs.getString("sha256"), rs.getString("added_by"),
                school(rs.getObject("added_at", OffsetDateTime.class)));
    }

    /** A size for people: bytes, KB or MB (powers of 1024, as file managers show them). */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb) : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A stored instant as the school's wall-clock time, which is how pages show it. */
    private static OffsetDateTime school(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
