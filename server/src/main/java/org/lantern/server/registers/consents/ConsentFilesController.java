package org.lantern.server.registers.consents;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.CsvDownload;
import org.lantern.server.http.SafeCsv;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.registers.FormScans;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Importing consent forms from CSV, all or nothing, and exporting the register as CSV. */
@Controller
@RequestMapping("/registers/consents")
class ConsentFilesController {

    private final ConsentCsv csv;
    private final ConsentExport export;

    ConsentFilesController(ConsentCsv csv, ConsentExport export) {
        this.csv = csv;
        this.export = export;
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String importPage() {
        return "registers/consent-import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Authentication user,
                      RedirectAttributes redirect) {
        try {
            int n = csv.importAll(FormScans.bytes(file), user.getName(),
                    SchoolTime.today());
            redirect.addFlashAttribute("done", n + (n == 1 ? " consent form was" : " consent forms were") + " imported.");
        } catch (ConsentException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/consents/import";
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    void exportCsv(@RequestParam(name = "class", required = false) List<String> classes,
                   @RequestParam(required = false) String year, Authentication user, HttpServletResponse response)
            throws IOException {
        write(PupilFilter.read(classes == null ? List.of() : classes, year), user, Channel.EXPORT, export, response);
    }

    /** The export as a download, for the page and the API alike. */
    static void write(PupilFilter filter, Authentication user, Channel channel, ConsentExport export,
                      HttpServletResponse response) throws IOException {
        if (CsvDownload.refused(response, filter.problems())) {
            return;
        }
        try (SafeCsv out = CsvDownload.attachment(response, "photo-consents-" + SchoolTime.today() + ".csv")) {
            export.write(out, SchoolTime.today(), filter,
                    Permission.CONSENTS_NEVER_PUBLISH.heldBy(user) ? Viewer.of(user) : null, channel);
        }
    }
}
