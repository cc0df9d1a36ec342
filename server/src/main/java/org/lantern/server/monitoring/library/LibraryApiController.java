package org.lantern.server.monitoring.library;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.lantern.monitor.library.Category;
import org.lantern.server.http.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The monitor's libraries for integrations and scripts: list them, page through a library's
 * phrases, read its versions, export and import it as CSV, and change it as the pages do. Reading
 * needs MONITOR_CLASSIFY; changing needs INCIDENT_MANAGE (the DSL and deputies). Every change is a
 * new version, audited, in use at once.
 */
@RestController
class LibraryApiController {

    private static final int MAX_SIZE = 500;

    private final LibraryCatalogue catalogue;
    private final LibraryChanges changes;
    private final LibraryImport imports;

    LibraryApiController(LibraryCatalogue catalogue, LibraryChanges changes, LibraryImport imports) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.imports = imports;
    }

    /**
     * A phrase to add.
     *
     * @param level  1 to 5, for every age band without its own
     * @param levels a level per age band id (primary, ks3, ks4, post16, staff), 0 to 5
     * @param rule   blank or alone, with:LIST, not-with:LIST, not-in:CONTEXT|CONTEXT, term
     */
    record AddRequest(String phrase, String language, Integer level, Map<String, Integer> levels, String rule,
                      boolean helpSeeking, boolean identity, String reason) {
    }

    /** A phrase's new levels; {@code levels} as for adding. */
    record LevelsRequest(String phrase, String language, Integer level, Map<String, Integer> levels, String reason) {
    }

    /** A phrase to remove. */
    record RemoveRequest(String phrase, String language, String reason) {
    }

    /** A school exclusion: the phrase must not alert where it is part of {@code context}. */
    record ExclusionRequest(String phrase, String context, String reason) {
    }

    /** Why a school exclusion is withdrawn, kept with the version that withdraws it. */
    record UnexcludeRequest(String reason) {
    }

    /**
     * What a change made.
     *
     * @param schoolVersion  the library's new school version
     * @param libraryVersion the version matches now show
     */
    record Changed(String library, int schoolVersion, String libraryVersion) {
    }

    @GetMapping("/api/v1/monitor/libraries")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    @Operation(summary = "List the monitor's libraries",
            description = "One per category: its name, the version matches show (shipped version, then +school.N "
                    + "once the school has changed it), the school's version N (0 for none), its phrase count and "
                    + "whether it can be changed (the illegal category cannot).")
    List<LibraryCatalogue.Summary> libraries() {
        return catalogue.libraries();
    }

    @GetMapping("/api/v1/monitor/libraries/{category}")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    @Operation(summary = "Page through a library's phrases",
            description = "The phrases in force, with their levels per age band, rule, labels, source and licence, "
                    + "filtered by q (words the phrase holds, as typed or as the matcher reads them). The illegal "
                    + "category's phrases are never listed (400).")
    LibraryCatalogue.Page phrases(@PathVariable String category,
                                  @Parameter(description = "Words the phrase holds") @RequestParam(defaultValue = "") String q,
                                  @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                  @Parameter(description = "Phrases per page, 1 to 500 (default 50)")
                                  @RequestParam(defaultValue = "50") int size) {
        if (size < 1 || size > MAX_SIZE || page < 0) {
            throw new LibraryRejectedException("size: from 1 to " + MAX_SIZE + "; page: from 0.");
        }
        return catalogue.phrases(LibraryCatalogue.category(category), q, page, size);
    }

    @GetMapping("/api/v1/monitor/libraries/{category}/versions")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    @Operation(summary = "A library's versions, newest first",
            description = "Each school version with what changed, why, who and when.")
    List<LibraryVersions.Version> versions(@PathVariable String category) {
        return catalogue.history(LibraryCatalogue.category(category));
    }

    @GetMapping(path = "/api/v1/monitor/libraries/{category}/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    @Operation(summary = "Export a library as CSV",
            description = "The library in force, in the columns the import reads; cells that a spreadsheet would run "
                    + "as a formula start with an apostrophe, which the import removes again.")
    ResponseEntity<byte[]> export(@PathVariable String category) {
        return download(catalogue, LibraryCatalogue.category(category));
    }

    /** The library in force as a CSV attachment named after its version; the page's export too. */
    static ResponseEntity<byte[]> download(LibraryCatalogue catalogue, Category c) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(catalogue.exportName(c)).build().toString())
                .body(catalogue.export(c));
    }

    // any content type: the bytes are the file, checked as UTF-8 CSV line by line
    @PostMapping("/api/v1/monitor/libraries/{category}/import")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a library from CSV",
            description = "The request body is the file (text/csv; UTF-8, at most 2 MB). It becomes the library: one new version with the phrases it "
                    + "adds or changes and removing those it no longer has. Every line is checked first; any bad line "
                    + "(unknown or another category, level out of range, phrase of one character or over 200, invalid "
                    + "UTF-8, a duplicate) is 400 listing every problem with its line, and nothing is applied.")
    Changed importCsv(@PathVariable String category,
                      @Parameter(description = "Why, kept with the version") @RequestParam(defaultValue = "") String reason,
                      @RequestBody byte[] csv, Authentication user) {
        Category c = LibraryCatalogue.category(category);
        return changed(c, imports.importCsv(c, csv, reason, user.getName()));
    }

    @PostMapping("/api/v1/monitor/libraries/{category}/phrases")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a phrase to a library", description = "A new version, audited, in use at once.")
    Changed add(@PathVariable String category, @RequestBody AddRequest body, Authentication user) {
        Category c = LibraryCatalogue.category(category);
        LibraryChanges.NewPhrase phrase = new LibraryChanges.NewPhrase(body.phrase(), body.language() == null ? "en"
                : body.language(), text(body.level()), bands(body.levels()), body.rule(), body.helpSeeking(), body.identity());
        return changed(c, changes.add(c, phrase, body.reason(), user.getName()));
    }

    @PostMapping("/api/v1/monitor/libraries/{category}/phrases/levels")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @Operation(summary = "Change a phrase's levels", description = "The level, and a level per age band; a new version.")
    Changed levels(@PathVariable String category, @RequestBody LevelsRequest body, Authentication user) {
        Category c = LibraryCatalogue.category(category);
        return changed(c, changes.levels(c, body.phrase(), body.language(), text(body.level()), bands(body.levels()),
                body.reason(), user.getName()));
    }

    @PostMapping("/api/v1/monitor/libraries/{category}/phrases/remove")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @Operation(summary = "Remove a phrase from a library", description = "A new version; 404 for a phrase not in it.")
    Changed remove(@PathVariable String category, @RequestBody RemoveRequest body, Authentication user) {
        Category c = LibraryCatalogue.category(category);
        return changed(c, changes.remove(c, body.phrase(), body.language(), body.reason(), user.getName()));
    }

    @PostMapping("/api/v1/monitor/libraries/{category}/exclusions")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a school exclusion",
            description = "The phrase no longer alerts where it is part of the context (which must hold it as whole "
                    + "words, at most 200 characters), in every library of the category; a new version.")
    Changed exclude(@PathVariable String category, @RequestBody ExclusionRequest body, Authentication user) {
        Category c = LibraryCatalogue.category(category);
        return changed(c, changes.exclude(c, body.phrase(), body.context(), body.reason(), user.getName()));
    }

    @GetMapping("/api/v1/monitor/libraries/{category}/exclusions")
    @PreAuthorize("hasAuthority('MONITOR_CLASSIFY')")
    @Operation(summary = "The school exclusions in force in a library",
            description = "Oldest first, each named by the school version that made it (its version), with the phrase, "
                    + "the context, why, who and when. Those withdrawn, or whose phrase has gone, are not listed.")
    List<LibraryVersions.Exclusion> exclusions(@PathVariable String category) {
        return catalogue.exclusions(LibraryCatalogue.category(category));
    }

    @PostMapping("/api/v1/monitor/libraries/{category}/exclusions/{version}/remove")
    @PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
    @Operation(summary = "Remove a school exclusion",
            description = "The exclusion made by school version {version} (see the exclusions in force) is withdrawn: "
                    + "the phrase alerts again in that context. Send {\"reason\": \"...\"}; the reason is required "
                    + "(400). A new version, audited, in use at once; the shipped libraries' own contexts stay. 404 "
                    + "when no exclusion of that version is in force in the library.")
    Changed unexclude(@PathVariable String category, @PathVariable int version,
                      @RequestBody(required = false) UnexcludeRequest body, Authentication user) {
        Category c = LibraryCatalogue.category(category);
        return changed(c, changes.unexclude(c, version, body == null ? null : body.reason(), user.getName()));
    }

    private Changed changed(Category c, int version) {
        LibraryCatalogue.Summary summary = catalogue.summary(c);
        return new Changed(summary.library(), version, summary.version());
    }

    private static String text(Integer level) {
        return level == null ? "" : level.toString();
    }

    private static Map<String, String> bands(Map<String, Integer> levels) {
        Map<String, String> bands = new HashMap<>();
        if (levels != null) {
            levels.forEach((band, level) -> bands.put(band, text(level)));
        }
        return bands;
    }

    @ExceptionHandler(LibraryNotFoundException.class)
    ProblemDetail notFound(LibraryNotFoundException e) {
        return Problems.titled(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(LibraryRejectedException.class)
    ProblemDetail rejected(LibraryRejectedException e) {
        ProblemDetail problem = Problems.titled(HttpStatus.BAD_REQUEST, "The library was not changed", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return Problems.titled(HttpStatus.BAD_REQUEST, "The library was not changed",
                "The request body is not valid JSON of the expected shape.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badValue(MethodArgumentTypeMismatchException e) {
        return Problems.notValid(e);
    }
}
