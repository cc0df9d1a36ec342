package org.lantern.server.identity;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's own API tokens: see them (never the secret) with their expiry, renew them before
 * they expire, and revoke them. Created with {@code lantern token create}.
 */
@Controller
class TokensController {

    private final ApiTokenService tokens;

    TokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(Authentication authentication, Model model) {
        model.addAttribute("tokens", tokens.listFor(principal(authentication).id()));
        return "identity/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        AccountPrincipal principal = principal(authentication);
        try {
            tokens.revoke(principal.id(), id, principal.username());
        } catch (AccountException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        redirect.addFlashAttribute("message", "Token revoked. Anything using it can no longer sign in.");
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/renew")
    String renew(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        AccountPrincipal principal = principal(authentication);
        Instant until;
        try {
            until = tokens.renew(principal.id(), id, principal.username());
        } catch (AccountException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        redirect.addFlashAttribute("message", "Token renewed: it now works until " + until + " (UTC).");
        return "redirect:/account/tokens";
    }

    private static AccountPrincipal principal(Authentication authentication) {
        if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return principal;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
