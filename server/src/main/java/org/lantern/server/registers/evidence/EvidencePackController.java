package org.lantern.server.registers.evidence;

import java.util.List;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.reports.Chart;
import org.lantern.server.reports.ReportLog;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The inspection evidence pack as a page with charts ({@code /registers/evidence-pack}) and as a
 * PDF download, for whoever reads the annual reviews (REVIEWS_READ: the DSL, the headteacher, the
 * network manager and governors; it holds no pupil's name). Each copy, page or PDF, is logged in
 * the reports' {@link ReportLog} with who made it and when.
 */
@Controller
class EvidencePackController {

    private final EvidencePacks packs;
    private final ReportLog log;
    private final EvidencePackPdf pdf;

    EvidencePackController(EvidencePacks packs, ReportLog log, EvidencePackPdf pdf) {
        this.packs = packs;
        this.log = log;
        this.pdf = pdf;
    }

    @GetMapping("/registers/evidence-pack")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    String page(Authentication user, Model model) {
        EvidencePack pack = packs.build(Viewer.of(user), Channel.PAGE);
        log.generated(EvidencePackPdf.REPORT, pack.schoolYear(), ReportLog.Format.HTML, user.getName());
        model.addAttribute("pack", pack);
        model.addAttribute("charts", List.of(
                Chart.rows("chart-pupil-incidents", pack.incidentCategories().get(0)),
                Chart.rows("chart-staff-incidents", pack.incidentCategories().get(1)),
                Chart.rows("chart-alert-categories", pack.alertCounts().get(0))));
        model.addAttribute("copies", log.of(EvidencePackPdf.REPORT).stream().limit(20).toList());
        return "registers/evidence-pack";
    }

    @GetMapping("/registers/evidence-pack.pdf")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    ResponseEntity<byte[]> download(Authentication user) {
        return pdf.download(user, Channel.EXPORT);
    }
}
