package org.lantern.server.incidents.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.lantern.server.http.SafeCsv;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's evidence as one ZIP for handing over (e.g. to the police or the LADO): each file,
 * {@code manifest.csv} (every item with its SHA-256) and {@code custody.csv}, written through
 * {@link SafeCsv} so nothing a teacher typed runs as a formula where the pack is opened.
 */
@Service
public class EvidenceExport {

    private final EvidenceService evidence;
    private final EvidenceAccess access;
    private final EvidenceCustody custody;

    EvidenceExport(EvidenceService evidence, EvidenceAccess access, EvidenceCustody custody) {
        this.evidence = evidence;
        this.access = access;
        this.custody = custody;
    }

    /**
     * The ZIP's bytes and name.
     *
     * @param content  the ZIP bytes
     * @param fileName a safe name for Content-Disposition
     */
    public record Export(byte[] content, String fileName) {
    }

    /**
     * Every item of an incident, each file's digest checked first. Each item gets an "exported"
     * custody entry.
     *
     * @throws EvidenceNotFoundException for an incident the viewer may not read
     * @throws EvidenceTamperedException if any file changed: nothing is exported
     */
    @Transactional(noRollbackFor = {EvidenceNotFoundException.class, EvidenceTamperedException.class})
    public Export export(long incidentId, Viewer viewer, Channel channel) {
        access.incident(incidentId, viewer, channel);
        List<Evidence> items = evidence.itemsOf(incidentId);
        Map<Long, byte[]> files = new LinkedHashMap<>();
        for (Evidence item : items) {
            if (item.kind().hasContent()) {
                files.put(item.id(), custody.verifiedContent(item, viewer, channel));
            }
        }
        for (Evidence item : items) {
            custody.record(item, CustodyAction.EXPORTED, item.sha256(), viewer, channel, Map.of());
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
            for (Custody c : custody.of(item.id())) {
                rows.add(List.of(item.id(), c.occurredAt(), c.username(), c.action(), c.sha256(), c.channel()));
            }
        }
        return SafeCsv.toBytes(List.of("evidence_id", "occurred_at", "username", "action", "sha256", "channel"), rows);
    }

    private static String exportName(Evidence item) {
        return "evidence-" + item.id() + "-" + EvidenceService.safeFileName(item);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
