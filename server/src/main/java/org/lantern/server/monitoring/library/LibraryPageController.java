package org.lantern.server.monitoring.library;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /monitoring/libraries}: the monitor's libraries, one per category, with their phrases
 * (searched, a page at a time), their version history, export and, for the DSL's team
 * (INCIDENT_MANAGE), the forms that change them: add a phrase, change its levels or remove it, add
 * a school exclusion or remove one, import a library. Reading needs MONITOR_CLASSIFY, as classifying does. A
 * refused change goes back saying why, with what was typed kept.
 */
@Controller
@RequestMapping("/monitoring/libraries")
class LibraryPageController {

    private final LibraryCatalogue catalogue;
    private final LibraryChanges changes;
    private final LibraryImport imports;

    LibraryPageController(LibraryCatalogue catalogue, LibraryChanges changes, LibraryImport imports) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.imports = imports;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    String libraries(Model model) {
        model.addAttribute("libraries", catalogue.libraries());
        return "monitoring/libraries";
    }

    @GetMapping("/{category}")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    String library(@PathVariable String category, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        Category c = category(category);
        model.addAttribute("library", catalogue.summary(c));
        model.addAttribute("history", catalogue.history(c));
        model.addAttribute("bands", AgeBand.values());
        if (c != Category.ILLEGAL) {
            model.addAttribute("page", catalogue.phrases(c, q, Math.max(0, page), LibraryCatalogue.PAGE_SIZE));
            model.addAttribute("exclusions", catalogue.exclusions(c));
        }
        return "monitoring/library";
    }

    @GetMapping("/{category}/phrase")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    String phrase(@PathVariable String category, @RequestParam(defaultValue = "") String phrase,
                  @RequestParam(defaultValue = "") String language, Model model) {
        Category c = category(category);
        model.addAttribute("library", catalogue.summary(c));
        try {
            model.addAttribute("phrase", catalogue.phrase(c, phrase, language));
        } catch (LibraryNotFoundException | LibraryRejectedException e) {
            // no such phrase, or one of the illegal category, whose phrases are never shown
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("bands", AgeBand.values());
        return "monitoring/phrase";
    }

    @GetMapping("/{category}/export")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    ResponseEntity<byte[]> export(@PathVariable String category) {
        Category c = category(category);
        if (c == Category.ILLEGAL) {
            // its phrases are never shown
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return LibraryApiController.download(catalogue, c);
    }

    @PostMapping("/{category}/phrases")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String add(@PathVariable String category, @RequestParam Map<String, String> form, Authentication user,
               RedirectAttributes redirect) {
        Category c = category(category);
        LibraryChanges.NewPhrase phrase = new LibraryChanges.NewPhrase(form.get("phrase"), form.getOrDefault("language", "en"),
                form.get("level"), bands(form), form.get("rule"), "true".equals(form.get("helpSeeking")),
                "true".equals(form.get("identity")));
        return act(redirect, libraryPath(c) + "#add", form, "add",
                () -> changes.add(c, phrase, form.get("reason"), user.getName()), "Phrase added");
    }

    @PostMapping("/{category}/phrases/levels")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String levels(@PathVariable String category, @RequestParam Map<String, String> form, Authentication user,
                  RedirectAttributes redirect) {
        Category c = category(category);
        return act(redirect, phrasePath(c, form) + "#levels", form, "levels",
                () -> changes.levels(c, form.get("phrase"), form.get("language"), form.get("level"), bands(form),
                        form.get("reason"), user.getName()), "Levels changed");
    }

    @PostMapping("/{category}/phrases/remove")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String remove(@PathVariable String category, @RequestParam Map<String, String> form, Authentication user,
                  RedirectAttributes redirect) {
        Category c = category(category);
        String done = act(redirect, phrasePath(c, form) + "#remove", form, "remove",
                () -> changes.remove(c, form.get("phrase"), form.get("language"), form.get("reason"), user.getName()),
                "Phrase removed");
        return redirect.getFlashAttributes().containsKey("problems") ? done : "redirect:" + libraryPath(c);
    }

    @PostMapping("/{category}/exclusions")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String exclude(@PathVariable String category, @RequestParam Map<String, String> form, Authentication user,
                   RedirectAttributes redirect) {
        Category c = category(category);
        return act(redirect, libraryPath(c) + "#exclude", form, "exclude",
                () -> changes.exclude(c, form.get("phrase"), form.get("context"), form.get("reason"), user.getName()),
                "Exclusion added");
    }

    @PostMapping("/{category}/exclusions/{version:\\d+}/remove")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String unexclude(@PathVariable String category, @PathVariable int version, @RequestParam(defaultValue = "") String reason,
                     Authentication user, RedirectAttributes redirect) {
        Category c = category(category);
        return act(redirect, libraryPath(c) + "#exclusions", Map.of("reason", reason, "version", Integer.toString(version)),
                "unexclude", () -> changes.unexclude(c, version, reason, user.getName()), "Exclusion removed");
    }

    @PostMapping("/{category}/import")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    String importCsv(@PathVariable String category, @RequestParam(required = false) MultipartFile file,
                     @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect)
            throws IOException {
        Category c = category(category);
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        return act(redirect, libraryPath(c) + "#import", Map.of("reason", reason), "import", () -> {
            if (bytes == null) {
                throw new LibraryRejectedException("File: choose the library's CSV file.");
            }
            return imports.importCsv(c, bytes, reason, user.getName());
        }, "Library imported");
    }

    private interface Change {
        int run();
    }

    /**
     * Runs the change and goes back saying which version it made, or, when refused, why, with what
     * was typed kept for the form it came from.
     */
    private static String act(RedirectAttributes redirect, String to, Map<String, String> typed, String formName,
                              Change change, String done) {
        try {
            int version = change.run();
            redirect.addFlashAttribute("message", done + ": the library is now at school version " + version + ".");
        } catch (LibraryNotFoundException e) {
            // a phrase removed meanwhile, or never there: a missing record, answered as every one is
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (LibraryRejectedException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("form", formName);
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:" + to;
    }

    private static Category category(String id) {
        try {
            return LibraryCatalogue.category(id);
        } catch (LibraryNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Map<String, String> bands(Map<String, String> form) {
        Map<String, String> bands = new HashMap<>();
        for (AgeBand band : AgeBand.values()) {
            bands.put(band.id(), form.getOrDefault("band-" + band.id(), ""));
        }
        return bands;
    }

    private static String libraryPath(Category c) {
        return "/monitoring/libraries/" + c.id();
    }

    private static String phrasePath(Category c, Map<String, String> form) {
        return UriComponentsBuilder.fromPath(libraryPath(c) + "/phrase")
                .queryParam("phrase", form.getOrDefault("phrase", "")).queryParam("language", form.getOrDefault("language", ""))
                .encode().build().toUriString();
    }
}
