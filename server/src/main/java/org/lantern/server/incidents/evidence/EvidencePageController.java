package org.lantern.server.incidents.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence forms on an incident's page (link, description, upload), an item's own page with
 * its chain of custody, downloads and the ZIP export. Whoever may read the incident may use them;
 * anything else is the same 404 as a record that does not exist. A refused item comes back to the
 * incident page with the reason and what was typed.
 */
@Controller
@RequestMapping("/incidents/{id:\\d+}/evidence")
class EvidencePageController {

    private final EvidenceService evidence;
    private final EvidenceExport exports;

    EvidencePageController(EvidenceService evidence, EvidenceExport exports) {
        this.evidence = evidence;
        this.exports = exports;
    }

    /**
     * What was typed into the evidence forms, kept when an item is refused.
     *
     * @param url         the address typed
     * @param description the description typed
     */
    record EvidenceForm(String url, String description) {
    }

    @PostMapping("/link")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String addLink(@PathVariable long id, @RequestParam(defaultValue = "") String url, Authentication user,
                   RedirectAttributes redirect) {
        return add(id, redirect, new EvidenceForm(url, null), "Link added.",
                () -> evidence.addUrl(id, url, Viewer.of(user), Channel.PAGE));
    }

    @PostMapping("/description")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String addDescription(@PathVariable long id, @RequestParam(defaultValue = "") String description,
                          Authentication user, RedirectAttributes redirect) {
        return add(id, redirect, new EvidenceForm(null, description), "Description added.",
                () -> evidence.addDescription(id, description, Viewer.of(user), Channel.PAGE));
    }

    @PostMapping("/upload")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  Authentication user, RedirectAttributes redirect) {
        return add(id, redirect, new EvidenceForm(null, null), "File added; its SHA-256 digest is recorded.",
                () -> evidence.addFile(id, file == null ? null : file.getOriginalFilename(), bytes(file),
                        Viewer.of(user), Channel.PAGE));
    }

    @GetMapping("/{evidenceId:\\d+}")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    String item(@PathVariable long id, @PathVariable long evidenceId, Authentication user, Model model) {
        EvidenceService.Opened opened = evidence.open(id, evidenceId, Viewer.of(user), Channel.PAGE);
        model.addAttribute("item", opened.item());
        model.addAttribute("custody", opened.custody());
        return "evidence/item";
    }

    @GetMapping("/{evidenceId:\\d+}/download")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId, Authentication user) {
        return EvidenceResponses.file(evidence.download(id, evidenceId, Viewer.of(user), Channel.PAGE));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('INCIDENT_RECORD')")
    ResponseEntity<byte[]> export(@PathVariable long id, Authentication user) {
        return EvidenceResponses.zip(exports.export(id, Viewer.of(user), Channel.PAGE));
    }

    @ExceptionHandler(EvidenceNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        return "error";
    }

    @ExceptionHandler(EvidenceTamperedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String tampered(EvidenceTamperedException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "evidence/tampered";
    }

    private String add(long id, RedirectAttributes redirect, EvidenceForm typed, String done, Supplier<Evidence> change) {
        try {
            change.get();
            redirect.addFlashAttribute("evidenceMessage", done);
        } catch (EvidenceRejectedException e) {
            redirect.addFlashAttribute("evidenceProblems", e.problems());
            redirect.addFlashAttribute("evidenceForm", typed);
        }
        return "redirect:/incidents/" + id + "#evidence";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }
}
