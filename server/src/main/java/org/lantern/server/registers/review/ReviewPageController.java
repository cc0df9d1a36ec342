package org.lantern.server.registers.review;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.reports.SchoolYear;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review's pages: every year's review (and as CSV), and one review as a guided checklist with its evidence
 * (as signed, once it is signed), the DfE's questions to answer, and the two signatures. A refusal comes back to the
 * page with its reason and nothing kept.
 */
@Controller
@RequestMapping("/registers/reviews")
class ReviewPageController {

    private final FilteringReviews reviews;
    private final ReviewCsv csv;

    ReviewPageController(FilteringReviews reviews, ReviewCsv csv) {
        this.reviews = reviews;
        this.csv = csv;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    String list(Model model, Authentication user) {
        model.addAttribute("reviews", reviews.all());
        model.addAttribute("canLead", Permission.REVIEWS_LEAD.heldBy(user));
        model.addAttribute("year", SchoolYear.current().startYear());
        return "registers/reviews";
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    void export(HttpServletResponse response, Authentication user) throws IOException {
        csv.write(response, Viewer.of(user), Channel.EXPORT);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('REVIEWS_READ')")
    String review(@PathVariable long id, Model model, Authentication user) {
        FilteringReview review = reviews.read(id, Viewer.of(user), Channel.PAGE);
        model.addAttribute("review", review);
        SignedEvidence shown = reviews.evidenceOf(review);
        model.addAttribute("evidence", shown.evidence());
        model.addAttribute("evidenceSource", shown);
        model.addAttribute("canLead", Permission.REVIEWS_LEAD.heldBy(user));
        model.addAttribute("canGovern", Permission.REVIEWS_GOVERN.heldBy(user));
        return "registers/review";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('REVIEWS_LEAD')")
    String start(@RequestParam int schoolYear, Authentication user, RedirectAttributes redirect) {
        try {
            FilteringReview started = reviews.start(new SchoolYear(schoolYear), ReviewAnswers.NONE, actor(user));
            return "redirect:/registers/reviews/" + started.id();
        } catch (ReviewException | IllegalArgumentException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
            return "redirect:/registers/reviews";
        }
    }

    @PostMapping("/{id}/answers")
    @PreAuthorize("hasAuthority('REVIEWS_LEAD')")
    String answer(@PathVariable long id, @ModelAttribute ReviewAnswers answers, Authentication user,
                  RedirectAttributes redirect) {
        try {
            reviews.answer(id, answers, actor(user));
            redirect.addFlashAttribute("done", "Answers saved.");
        } catch (ReviewException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/registers/reviews/" + id;
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize("hasAnyAuthority('REVIEWS_LEAD', 'REVIEWS_GOVERN')")
    String sign(@PathVariable long id, @RequestParam Signer as, Authentication user, RedirectAttributes redirect) {
        if (!(as == Signer.LEADER ? Permission.REVIEWS_LEAD : Permission.REVIEWS_GOVERN).heldBy(user)) {
            throw new AccessDeniedException("Not allowed to sign as " + as + ".");
        }
        try {
            reviews.sign(id, as, actor(user));
            redirect.addFlashAttribute("done", "Signed.");
        } catch (ReviewException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/registers/reviews/" + id;
    }

    private static String actor(Authentication user) {
        return ((AccountPrincipal) user.getPrincipal()).username();
    }
}
