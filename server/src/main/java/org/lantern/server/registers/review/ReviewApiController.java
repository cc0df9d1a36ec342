package org.lantern.server.registers.review;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.reports.SchoolYear;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

/** The annual filtering and monitoring reviews' API: list, export, read with live evidence, start, sign. */
@RestController
@RequestMapping("/api/v1/registers/reviews")
class ReviewApiController {

    private final FilteringReviews reviews;
    private final ReviewCsv csv;

    ReviewApiController(FilteringReviews reviews, ReviewCsv csv) {
        this.reviews = reviews;
        this.csv = csv;
    }

    /**
     * A review with the evidence it is signed on.
     *
     * @param review       the review
     * @param evidence     the evidence stored when it was signed, or its school year's live evidence
     * @param signedOn     the day of the final signature when {@code evidence} is the stored one, else null
     * @param evidenceNote where the evidence came from, in words
     */
    record ReviewWithEvidence(FilteringReview review, ReviewEvidence.Evidence evidence, LocalDate signedOn,
                              String evidenceNote) {
    }

    /**
     * What starting a review sends: the answers, any left out taken from the last review.
     *
     * @param schoolYear the first calendar year of the school year; the current one when absent
     * @param answers    the answers
     */
    record StartRequest(Integer schoolYear, ReviewAnswers answers) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    @Operation(summary = "Every annual filtering and monitoring review, newest first",
            description = "Each year's review stays: its answers to what the DfE asks (SEND, EAL, AI tools, BYOD), "
                    + "the actions agreed, and who signed it as senior leader and as governor, and when.")
    Map<String, List<FilteringReview>> list() {
        return Map.of("reviews", reviews.all());
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    @Operation(summary = "Every review as CSV",
            description = "The reviews page's download: a line per review, newest first, with its answers to what "
                    + "the DfE asks, the actions agreed, and who signed it as senior leader and as governor, and when. "
                    + "Cells that a spreadsheet would run as a formula are disarmed. Each review in it is logged in "
                    + "the record-access log, as reading it is.")
    void export(HttpServletResponse response, Authentication user) throws IOException {
        csv.write(response, Viewer.of(user), Channel.API);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    @Operation(summary = "One review with its evidence",
            description = "The review and the evidence it is signed on: for a review signed by both, the evidence "
                    + "stored at the final signature (signedOn says when); otherwise gathered now. The evidence is "
                    + "the policy version in force, "
                    + "the policy versions made in its school year, the year's blocked, alert, bypass and unblock "
                    + "counts (small numbers suppressed, as in the governors' report), and the built-in filter test: "
                    + "for each category of the policy, an address from the loaded lists put through the filter now. "
                    + "Each read is logged in the record-access log.")
    ReviewWithEvidence get(@PathVariable long id, Authentication user) {
        FilteringReview review = reviews.read(id, Viewer.of(user), Channel.API);
        SignedEvidence shown = reviews.evidenceOf(review);
        return new ReviewWithEvidence(review, shown.evidence(), shown.signedOn(), shown.note());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('REVIEWS_LEAD')")
    @Operation(summary = "Start a year's review from the last one",
            description = "A senior leader (headteacher or DSL) starts the review; answers left out are taken from "
                    + "the last review. 409 while the last review is not signed by both; 400 for an answer over "
                    + "4,000 characters.")
    ResponseEntity<FilteringReview> start(@RequestBody StartRequest request, Authentication user) {
        SchoolYear year = request.schoolYear() == null ? SchoolYear.current() : new SchoolYear(request.schoolYear());
        ReviewAnswers answers = request.answers() == null ? ReviewAnswers.NONE : request.answers();
        FilteringReview started = reviews.start(year, answers, principal(user).username());
        return ResponseEntity.status(HttpStatus.CREATED).body(started);
    }

    @PutMapping("/{id}/answers")
    @PreAuthorize("hasAuthority('REVIEWS_LEAD')")
    @Operation(summary = "Answer what the DfE asks on a review not yet signed",
            description = "Answers left out keep the review's own. 409 once either has signed; 400 for an answer "
                    + "over 4,000 characters.")
    FilteringReview answer(@PathVariable long id, @RequestBody ReviewAnswers answers, Authentication user) {
        return reviews.answer(id, answers, principal(user).username());
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize("hasAnyAuthority('REVIEWS_LEAD', 'REVIEWS_GOVERN')")
    @Operation(summary = "Sign a review as senior leader or governor",
            description = "as=LEADER (headteacher or DSL) or as=GOVERNOR (a governor). The review is complete when "
                    + "both have signed. 400 while a DfE question is unanswered; 409 when that signature is given.")
    FilteringReview sign(@PathVariable long id, @RequestParam Signer as, Authentication user) {
        Permission needed = as == Signer.LEADER ? Permission.REVIEWS_LEAD : Permission.REVIEWS_GOVERN;
        if (!needed.heldBy(user)) {
            throw new AccessDeniedException("Only " + (as == Signer.LEADER ? "a senior leader" : "a governor")
                    + " may sign as " + as + ".");
        }
        return reviews.sign(id, as, principal(user).username());
    }

    private static AccountPrincipal principal(Authentication user) {
        return (AccountPrincipal) user.getPrincipal();
    }
}
