package org.lantern.server.registers.agreements;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.people.People;
import org.lantern.server.registers.agreements.AgreementApiViews.AcceptancePage;
import org.lantern.server.registers.agreements.AgreementApiViews.AcceptanceView;
import org.lantern.server.registers.agreements.AgreementApiViews.AgreementView;
import org.lantern.server.registers.agreements.AgreementApiViews.PaperForm;
import org.lantern.server.registers.agreements.AgreementApiViews.VersionView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agreements register's API: the texts and their versions, coverage by audience, who accepted a
 * version, who has not signed (as the page's CSV), recording a paper form, and accepting one's own agreement.
 */
@RestController
@RequestMapping("/api/v1/registers/agreements")
class AgreementApiController {

    static final int PAGE_SIZE = 100;

    private final AgreementCoverage coverage;
    private final Acceptances acceptances;
    private final AgreementTexts texts;
    private final People people;
    private final UnsignedCsv unsignedCsv;

    AgreementApiController(AgreementCoverage coverage, Acceptances acceptances, AgreementTexts texts, People people,
                           UnsignedCsv unsignedCsv) {
        this.coverage = coverage;
        this.acceptances = acceptances;
        this.texts = texts;
        this.people = people;
        this.unsignedCsv = unsignedCsv;
    }

    /**
     * One audience's counts.
     *
     * @param audience    e.g. {@code KS3}
     * @param label       its name
     * @param version     the number of the version in force, or null when none is written
     * @param signingFrom the number of the version whose signature counts (later ones were corrections)
     * @param signed      how many have signed it
     * @param unsigned    how many have not
     */
    record AudienceCounts(Audience audience, String label, Integer version, Integer signingFrom, int signed,
                          int unsigned) {
    }

    /**
     * An acceptance as the API shows it.
     *
     * @param id       the acceptance's id
     * @param audience the agreement
     * @param version  the version's number
     * @param method   ONLINE
     * @param signedOn the day, in school time
     */
    record Accepted(long id, Audience audience, int version, AcceptanceMethod method, String signedOn) {
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "How many have signed the agreement in force, by audience",
            description = "For each audience (pupils by key stage, staff, governors, visitors, parents and carers): "
                    + "the version in force, the version whose signature counts (a later correction asks nobody to "
                    + "sign again) and how many people on roll today have and have not signed it. A starter counts "
                    + "from their first day; a pupil counts for their own agreement and their parents'.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"audiences":[{"audience":"KS3","label":"Pupils: Key Stage 3 (Years 7 to 9)","version":2,\
                            "signingFrom":2,"signed":310,"unsigned":14}]}"""))))
    Map<String, List<AudienceCounts>> coverage() {
        return Map.of("audiences", coverage.coverage(SchoolTime.today()).stream()
                .map(c -> new AudienceCounts(c.audience(), c.audience().label(),
                        c.version() == null ? null : c.version().number(),
                        c.version() == null ? null : c.signingFrom(), c.all().signed(), c.all().unsigned()))
                .toList());
    }

    @PostMapping("/accept")
    @PreAuthorize("hasAuthority('AGREEMENT_ACCEPT')")
    @Operation(summary = "The caller accepts the agreement in force for them",
            description = "Records that the person linked to the caller's account accepts the version in force of "
                    + "their own agreement, online, today. 404 when the account is linked to nobody or there is no "
                    + "agreement for them; 409 when they have already accepted that version.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":41,"audience":"STAFF","version":3,"method":"ONLINE","signedOn":"2026-09-03"}"""))))
    ResponseEntity<Accepted> accept(Authentication user) {
        AccountPrincipal principal = (AccountPrincipal) user.getPrincipal();
        Acceptance a = acceptances.acceptOwn(principal.id(), principal.username(), null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Accepted(a.id(), a.audience(), a.versionNumber(), a.method(), a.signedOn().toString()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "The agreement texts by audience, with every version",
            description = "For each audience with an agreement: the version in force, the version whose signature "
                    + "counts, and every version newest first with its kind of change (a MATERIAL change asks everyone "
                    + "to sign again; a CORRECTION asks nobody), its note, title and text, when and by whom it was "
                    + "published, and the school's policy version in force then.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"agreements":[{"audience":"STAFF","label":"Staff","inForce":2,"signingFrom":1,\
                            "versions":[{"id":9,"number":2,"change":"CORRECTION","material":false,\
                            "changeNote":"Typo fixed.","title":"Staff acceptable use","text":"...",\
                            "published":"2026-09-01T08:00:00Z","publishedBy":"admin","policyVersion":4}]}]}"""))))
    Map<String, List<AgreementView>> agreements() {
        Map<Audience, Integer> signingFrom = texts.signingFrom();
        List<AgreementView> all = new ArrayList<>();
        for (Audience audience : texts.allInForce().keySet()) {
            List<VersionView> versions = texts.history(audience).stream().map(VersionView::of).toList();
            all.add(new AgreementView(audience, audience.label(), versions.getFirst().number(),
                    signingFrom.get(audience), versions));
        }
        return Map.of("agreements", all);
    }

    @GetMapping("/acceptances")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "Who accepted a version of an agreement, when and how",
            description = "The acceptances of one version (the one in force when version is left out), the latest "
                    + "signed first, " + PAGE_SIZE + " a page (page counts from 1). 400 for an audience or page that "
                    + "cannot be read; 404 when the audience has no such version.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"audience":"PARENTS","version":1,"total":1,"page":1,"pageSize":100,"acceptances":\
                            [{"id":41,"personId":7,"name":"Agnes Smith","method":"PAPER","signedOn":"2026-09-03",\
                            "signedBy":"Ruth Smith","recordedBy":"office","recordedAt":"2026-09-04T09:12:00Z",\
                            "scan":true}]}"""))))
    AcceptancePage acceptances(@RequestParam(required = false) String audience,
                               @RequestParam(required = false) Integer version,
                               @RequestParam(defaultValue = "1") int page) {
        List<String> problems = new ArrayList<>();
        Audience a = audience(audience, problems);
        if (page < 1) {
            problems.add("The page counts from 1.");
        }
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        AgreementVersion v = version(texts, a, version);
        Map<Long, String> names = new HashMap<>();
        List<AcceptanceView> rows = acceptances.ofVersion(v.id(), PAGE_SIZE, (page - 1) * PAGE_SIZE).stream()
                .map(x -> AcceptanceView.of(x, names.computeIfAbsent(x.personId(),
                        id -> AgreementApiViews.name(people.find(id)))))
                .toList();
        return new AcceptancePage(a, v.number(), acceptances.countOf(v.id()), page, PAGE_SIZE, rows);
    }

    @PostMapping("/paper")
    @PreAuthorize("hasAuthority('AGREEMENTS_RECORD')")
    @Operation(summary = "Record a paper form",
            description = "A person's own agreement, or a parent's or carer's for their child: the person's id, the "
                    + "audience and the number of the version the form shows, the date on the form and who signed it "
                    + "(required for PARENTS). 400 names every problem (a date in the future or before the version was "
                    + "published, a version of an agreement the person does not sign); 404 for no such person or "
                    + "version; 409 when that version is already recorded for them.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":42,"personId":7,"name":"Agnes Smith","method":"PAPER","signedOn":"2026-09-03",\
                            "signedBy":"Ruth Smith","recordedBy":"office","recordedAt":"2026-09-04T09:12:00Z",\
                            "scan":false}"""))))
    ResponseEntity<AcceptanceView> paper(@RequestBody PaperForm form, Authentication user) {
        List<String> problems = new ArrayList<>();
        if (form.personId() == null) {
            problems.add("Give the person's id.");
        }
        Audience a = audience(form.audience(), problems);
        if (form.version() == null) {
            problems.add("Give the number of the version the form shows.");
        }
        LocalDate on = null;
        String signedOn = form.signedOn() == null ? "" : form.signedOn().strip();
        if (signedOn.isEmpty()) {
            problems.add("Give the date on the form.");
        }
        try {
            on = signedOn.isEmpty() ? null : LocalDate.parse(signedOn);
        } catch (DateTimeParseException e) {
            problems.add("'" + signedOn + "' is not a date: use the form 2026-09-03.");
        }
        if (!problems.isEmpty()) {
            throw new AgreementException(problems, false);
        }
        Acceptance recorded = acceptances.recordPaper(form.personId(), version(texts, a, form.version()).id(), on,
                form.signedBy(), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AcceptanceView.of(recorded, AgreementApiViews.name(people.find(recorded.personId()))));
    }

    @GetMapping(value = "/unsigned.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    @Operation(summary = "Who has not signed, as CSV",
            description = "The register page's download: everyone on roll today who has not signed the agreement in "
                    + "force for them, optionally for one audience, year group (R or 1 to 13) and class. Cells that a "
                    + "spreadsheet would run as a formula are disarmed. 400 as plain text naming a filter that cannot "
                    + "be read.")
    void unsigned(@RequestParam(required = false) String audience, @RequestParam(required = false) String year,
                  @RequestParam(name = "class", required = false) String className, HttpServletResponse response)
            throws IOException {
        unsignedCsv.write(response, audience, year, className);
    }

    /** The audience named, or null with the problem added: none named, or no such agreement. */
    static Audience audience(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("Give the audience, e.g. STAFF or PARENTS.");
            return null;
        }
        Audience a = Audience.parse(text).orElse(null);
        if (a == null) {
            problems.add("There is no agreement for '" + text.strip() + "'.");
        }
        return a;
    }

    /**
     * The audience's version {@code number}, or the one in force when no number is given.
     *
     * @throws AgreementNotFoundException when there is no such version
     */
    static AgreementVersion version(AgreementTexts texts, Audience audience, Integer number) {
        List<AgreementVersion> history = texts.history(audience);
        return history.stream().filter(v -> number == null || v.number() == number).findFirst()
                .orElseThrow(() -> new AgreementNotFoundException(number == null
                        ? "The school has not written the " + audience.label() + " agreement yet."
                        : "There is no version " + number + " of the " + audience.label() + " agreement."));
    }
}
