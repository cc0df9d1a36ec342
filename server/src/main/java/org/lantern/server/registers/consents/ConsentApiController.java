package org.lantern.server.registers.consents;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Channel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent register's API: list, create, update and export consents, withdraw them (answering
 * with the takedown tasks created), record and change publications, and the takedown tasks. The
 * never-publish flag is not in the API: it shows only as "mayAppear": false, like a missing consent.
 */
@RestController
@RequestMapping("/api/v1/registers/consents")
class ConsentApiController {

    private final Consents consents;
    private final WhoMayAppear whoMayAppear;
    private final Publications publications;
    private final Takedowns takedowns;
    private final ConsentExport export;
    private final TakedownDays days;

    ConsentApiController(Consents consents, WhoMayAppear whoMayAppear, Publications publications, Takedowns takedowns,
                         ConsentExport export, TakedownDays days) {
        this.consents = consents;
        this.whoMayAppear = whoMayAppear;
        this.publications = publications;
        this.takedowns = takedowns;
        this.export = export;
        this.days = days;
    }

    /**
     * A consent form sent to the API; dates as {@code 2025-09-03}.
     *
     * @param use         WEBSITE, SOCIAL_MEDIA, PRESS, DISPLAYS or CLASS_PHOTOS (create only; the path names it on update)
     * @param granted     whether the parent or carer agreed
     * @param givenBy     who signed
     * @param pupilAgreed whether the pupil agreed, or null where not asked
     * @param givenOn     the date on the form
     * @param expiresOn   the last day it holds, or null
     */
    record FormBody(String use, Boolean granted, String givenBy, Boolean pupilAgreed, String givenOn, String expiresOn) {
    }

    /**
     * A withdrawal.
     *
     * @param uses        the uses withdrawn; empty or missing for every use given
     * @param withdrawnOn the day, default today
     * @param withdrawnBy who withdrew it
     */
    record WithdrawBody(List<String> uses, String withdrawnOn, String withdrawnBy) {
    }

    /**
     * A publication.
     *
     * @param use         its use
     * @param title       what it is
     * @param location    where
     * @param publishedOn when
     * @param owner       the username of who looks after it, default the caller
     * @param pupilIds    who appears
     */
    record PublicationBody(String use, String title, String location, String publishedOn, String owner,
                           Set<Long> pupilIds) {
    }

    /**
     * One use of one pupil's consent.
     *
     * @param use        the use
     * @param status     Given, Refused, Withdrawn, Ended, Not asked...
     * @param mayAppear  whether the pupil may appear in it today (the never-publish flag included, unnamed)
     * @param consent    the consent as recorded, or null when none is
     */
    record UseView(PhotoUse use, String status, boolean mayAppear, Consent consent) {
    }

    /**
     * A pupil's consents.
     *
     * @param personId  the pupil
     * @param name      their name
     * @param yearGroup their year group
     * @param className their registration class
     * @param uses      each use
     */
    record PupilView(long personId, String name, String yearGroup, String className, List<UseView> uses) {
        static PupilView of(WhoMayAppear.Pupil row, LocalDate today) {
            List<UseView> uses = new ArrayList<>();
            for (PhotoUse use : PhotoUse.values()) {
                Consent c = row.consents().get(use);
                uses.add(new UseView(use, c == null ? "Not asked" : c.status(today), row.mayAppear(use), c));
            }
            return new PupilView(row.pupil().id(), row.pupil().displayName(),
                    row.pupil().yearGroup() == null ? null : row.pupil().yearGroup().code(),
                    row.pupil().registrationClass(), uses);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "Pupils' photo and video consents by use",
            description = "Every pupil on roll today (or of one class or year group) with, for each use, the consent "
                    + "recorded and whether they may appear in it today.")
    Map<String, List<PupilView>> list(@RequestParam(name = "class", required = false) String className,
                                      @RequestParam(required = false) String year) {
        PupilFilter filter = PupilFilter.read(className == null ? List.of() : List.of(className), year);
        if (!filter.problems().isEmpty()) {
            throw new ConsentException(filter.problems(), false);
        }
        LocalDate today = SchoolTime.today();
        return Map.of("pupils", whoMayAppear.pupils(today, filter.classes(), filter.year()).stream()
                .map(r -> PupilView.of(r, today)).toList());
    }

    @GetMapping("/{personId:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "One pupil's photo and video consents")
    PupilView pupil(@PathVariable long personId) {
        return PupilView.of(whoMayAppear.pupil(consents.pupil(personId), SchoolTime.today()), SchoolTime.today());
    }

    @PostMapping("/{personId:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Record a consent form for one use",
            description = "201 with the consent; 409 when a consent for that use is already recorded (update it "
                    + "with PUT); 400 with every problem for a missing name, a date in the future or an end before "
                    + "the form's date.")
    ResponseEntity<Consent> create(@PathVariable long personId, @RequestBody FormBody body, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.record(personId,
                form(PhotoUse.parse(body.use()).orElse(null), body), null, null, user.getName(), Consents.Mode.CREATE));
    }

    @PutMapping("/{personId:\\d+}/{use}")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Replace a pupil's consent for one use with a newer form",
            description = "404 when no consent for that use is recorded yet (create it with POST).")
    Consent update(@PathVariable long personId, @PathVariable String use, @RequestBody FormBody body,
                   Authentication user) {
        PhotoUse u = PhotoUse.parse(use).orElseThrow(() -> ConsentException.of("'" + use + "' is not a use."));
        return consents.record(personId, form(u, body), null, null, user.getName(), Consents.Mode.UPDATE);
    }

    @PostMapping("/{personId:\\d+}/withdraw")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Withdraw a pupil's consent; returns the takedown tasks created",
            description = "Withdraws the pupil's consent for the uses named (or every use given) and creates a "
                    + "takedown task, with an owner and a due date, for every publication of those uses the pupil "
                    + "appears in. 409 when a use was already withdrawn, refused or never recorded: nothing changes.",
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"takedownTasks":[{"id":7,"publicationId":3,"title":"Sports day gallery","use":"WEBSITE",\
                            "personId":41,"owner":"office","dueOn":"2026-12-14"}]}"""))))
    ResponseEntity<Map<String, List<TakedownTask>>> withdraw(@PathVariable long personId,
                                                             @RequestBody(required = false) WithdrawBody body,
                                                             Authentication user) {
        WithdrawBody b = body == null ? new WithdrawBody(null, null, null) : body;
        List<String> problems = new ArrayList<>();
        Set<PhotoUse> uses = EnumSet.noneOf(PhotoUse.class);
        for (String u : b.uses() == null ? List.<String>of() : b.uses()) {
            PhotoUse.parse(u).ifPresentOrElse(uses::add, () -> problems.add("'" + u + "' is not a use."));
        }
        LocalDate on = b.withdrawnOn() == null ? SchoolTime.today()
                : ConsentCsv.date(b.withdrawnOn().strip(), "withdrawnOn", problems);
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("takedownTasks",
                consents.withdraw(personId, uses, on, b.withdrawnBy(), user.getName())));
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "The consent register as CSV", description = "One line per pupil and use; cells that a "
            + "spreadsheet would run as a formula are disarmed.")
    void exportCsv(@RequestParam(name = "class", required = false) List<String> classes,
                   @RequestParam(required = false) String year, Authentication user, HttpServletResponse response)
            throws IOException {
        ConsentFilesController.write(PupilFilter.read(classes == null ? List.of() : classes, year), user, Channel.API,
                export, response);
    }

    @GetMapping("/publications")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "What the school published, newest first, with the pupils who appear")
    Map<String, List<Publication>> publications() {
        return Map.of("publications", publications.list());
    }

    @PostMapping("/publications")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Record a publication", description = "400 listing each pupil who may not appear in its use "
            + "on its date; nothing is recorded.")
    ResponseEntity<Publication> publish(@RequestBody PublicationBody body, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(publications.record(draft(body, user), user.getName()));
    }

    /** A publication as sent, its date read; the owner is the caller when left out. */
    private static Publications.Draft draft(PublicationBody body, Authentication user) {
        List<String> problems = new ArrayList<>();
        LocalDate on = body.publishedOn() == null ? null : ConsentCsv.date(body.publishedOn().strip(), "publishedOn", problems);
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        return new Publications.Draft(PhotoUse.parse(body.use()).orElse(null), body.title(), body.location(), on,
                body.owner() == null ? user.getName() : body.owner(), body.pupilIds());
    }

    @PutMapping("/publications/{id:\\d+}")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Change what is recorded of a publication",
            description = "The whole publication as when recording it (use, title, location, publishedOn, owner, "
                    + "pupilIds), replacing what is recorded. A pupil added is checked as when recording; those already "
                    + "in it are checked again only when the use or date changes. A new owner takes over its open "
                    + "takedown tasks. 400 listing every problem, each pupil who may not appear included, and nothing "
                    + "changes; 404 when there is no such publication.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"id":3,"use":"WEBSITE","title":"Sports day gallery","location":"https://school.example/sports",\
                            "publishedOn":"2026-07-10","owner":"office","pupils":[{"personId":41,"name":"Ada Smith"}]}"""))))
    Publication updatePublication(@PathVariable long id, @RequestBody PublicationBody body, Authentication user) {
        return publications.update(id, draft(body, user), user.getName());
    }

    @GetMapping("/takedowns")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "Takedown tasks: open ones by due date, or all with all=true")
    Map<String, List<TakedownTask>> takedowns(@RequestParam(defaultValue = "false") boolean all) {
        return Map.of("takedownTasks", takedowns.list(!all));
    }

    @PostMapping("/takedowns/{id:\\d+}/done")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Mark a takedown task done", description = "409 when it was already marked done.")
    TakedownTask done(@PathVariable long id, @RequestBody(required = false) Map<String, String> body,
                      Authentication user) {
        return takedowns.done(id, body == null ? null : body.get("note"), user.getName());
    }

    @GetMapping("/takedown-days")
    @PreAuthorize("hasAuthority('CONSENTS_READ')")
    @Operation(summary = "How many days after a withdrawal new takedown tasks are due")
    Map<String, Integer> takedownDays() {
        return Map.of("days", days.current());
    }

    @PutMapping("/takedown-days")
    @PreAuthorize("hasAuthority('CONSENTS_RECORD')")
    @Operation(summary = "Choose how many days after a withdrawal new takedown tasks are due",
            description = "Send {\"days\": 10}: a whole number from 1 to 60 (400 otherwise). Tasks already created "
                    + "keep their due date. Audited.")
    Map<String, Integer> chooseTakedownDays(@RequestBody(required = false) Map<String, Object> body,
                                            Authentication user) {
        Object typed = body == null ? null : body.get("days");
        return Map.of("days", days.choose(typed == null ? null : String.valueOf(typed), user.getName()));
    }

    private static ConsentForm form(PhotoUse use, FormBody b) {
        List<String> problems = new ArrayList<>();
        if (b.granted() == null) {
            problems.add("Say whether consent was given: granted true or false.");
        }
        LocalDate on = b.givenOn() == null ? null : ConsentCsv.date(b.givenOn().strip(), "givenOn", problems);
        LocalDate ends = b.expiresOn() == null ? null : ConsentCsv.date(b.expiresOn().strip(), "expiresOn", problems);
        if (!problems.isEmpty()) {
            throw new ConsentException(problems, false);
        }
        return new ConsentForm(use, b.granted(), b.givenBy(), b.pupilAgreed(), on, ends);
    }
}
