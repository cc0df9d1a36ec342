package org.lantern.server.registers.agreements;

import jakarta.servlet.http.HttpSession;

import org.lantern.server.filtering.FilterService;
import org.lantern.server.identity.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /agreement}: one's own acceptable-use agreement, in force, with an "I agree" button. A
 * pupil reaches it from the network gate or the menu, a member of staff or governor from the
 * interstitial after signing in ({@link SignInAgreement}), which stops once they accept.
 */
@Controller
class AgreementPageController {

    private final Acceptances acceptances;

    AgreementPageController(Acceptances acceptances) {
        this.acceptances = acceptances;
    }

    @GetMapping(FilterService.AGREEMENT_PATH)
    @PreAuthorize("hasAuthority('AGREEMENT_ACCEPT')")
    String agreement(Authentication user, Model model) {
        try {
            Acceptances.Owed owed = acceptances.owedBy(((AccountPrincipal) user.getPrincipal()).id());
            model.addAttribute("owed", owed);
            model.addAttribute("owes", acceptances.owes(owed.person()));
        } catch (AgreementNotFoundException e) {
            model.addAttribute("none", e.getMessage());
        }
        return "registers/agreement";
    }

    @PostMapping(FilterService.AGREEMENT_PATH)
    @PreAuthorize("hasAuthority('AGREEMENT_ACCEPT')")
    String accept(@RequestParam(required = false) Long versionId, Authentication user, HttpSession session,
                  RedirectAttributes redirect) {
        AccountPrincipal principal = (AccountPrincipal) user.getPrincipal();
        try {
            Acceptance accepted = acceptances.acceptOwn(principal.id(), principal.username(), versionId);
            session.setAttribute(SignInAgreement.SETTLED, Boolean.TRUE);
            redirect.addFlashAttribute("accepted", accepted);
        } catch (AgreementException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:" + FilterService.AGREEMENT_PATH;
    }
}
