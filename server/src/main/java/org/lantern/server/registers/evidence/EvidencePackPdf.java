package org.lantern.server.registers.evidence;

import java.util.Map;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.reports.PdfRenderer;
import org.lantern.server.reports.ReportLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The evidence pack as a PDF download, made now and logged, for the page's link and the API alike:
 * rendered by the governors' report's {@link PdfRenderer} from {@code registers/evidence-pack-pdf}.
 */
@Component
class EvidencePackPdf {

    /** The pack's name in the {@link ReportLog}. */
    static final String REPORT = "evidence-pack";

    private final EvidencePacks packs;
    private final ReportLog log;
    private final PdfRenderer pdf;

    EvidencePackPdf(EvidencePacks packs, ReportLog log, PdfRenderer pdf) {
        this.packs = packs;
        this.log = log;
        this.pdf = pdf;
    }

    /** A pack made now for {@code user}, who reads it through {@code channel}, as an attachment. */
    ResponseEntity<byte[]> download(Authentication user, Channel channel) {
        EvidencePack pack = packs.build(Viewer.of(user), channel);
        log.generated(REPORT, pack.schoolYear(), ReportLog.Format.PDF, user.getName());
        byte[] body = pdf.render("registers/evidence-pack-pdf", Map.of("pack", pack));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evidence-pack-" + pack.today() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }
}
