package org.lantern.server.identity;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrator's accounts pages: list, create (with a temporary password shown once),
 * and per account: disable, enable, unlock, reset password, reset two-factor, exempt from
 * two-factor. Each change is audited with the administrator's name and the reason given.
 */
@Controller
@PreAuthorize("hasAuthority('ACCOUNTS_MANAGE')")
class AccountsController {

    private final AccountService accounts;
    private final AccountEvents events;

    AccountsController(AccountService accounts, AccountEvents events) {
        this.accounts = accounts;
        this.events = events;
    }

    @GetMapping("/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list());
        return "accounts/list";
    }

    @GetMapping("/accounts/new")
    String newAccount(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", Map.of("username", "", "displayName", "", "role", ""));
        return "accounts/new";
    }

    @PostMapping("/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String role, Authentication authentication, Model model) {
        Role chosen = null;
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                chosen = r;
            }
        }
        try {
            AccountService.NewAccount created = accounts.createWithTemporaryPassword(username, displayName, chosen,
                    authentication.getName());
            model.addAttribute("username", username.strip().toLowerCase(java.util.Locale.ROOT));
            model.addAttribute("temporaryPassword", created.temporaryPassword());
            return "accounts/created";
        } catch (AccountException e) {
            model.addAttribute("roles", Role.values());
            model.addAttribute("form", Map.of("username", username, "displayName", displayName, "role", role));
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorMessage", e.getMessage());
            return "accounts/new";
        }
    }

    @GetMapping("/accounts/{id}")
    String detail(@PathVariable long id, Model model) {
        AccountService.AccountSummary account = accounts.list().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", account);
        model.addAttribute("events", events.forAccount(id));
        return "accounts/detail";
    }

    @PostMapping("/accounts/{id}/{action}")
    String change(@PathVariable long id, @PathVariable String action, @RequestParam(defaultValue = "") String reason,
                  Authentication authentication, RedirectAttributes redirect) {
        String actor = authentication.getName();
        if (action.equals("reset-password") && authentication.getPrincipal() instanceof AccountPrincipal self && self.id() == id) {
            // A reset ends every session of the account, this one too, before its temporary password could be shown.
            redirect.addFlashAttribute("message", "Your own password is changed on your account page (/account/password), not reset here.");
            return "redirect:/accounts/" + id;
        }
        try {
            String message = switch (action) {
                case "disable" -> {
                    accounts.disable(id, actor, reason);
                    yield "Account disabled. Its sessions and API tokens have stopped working.";
                }
                case "enable" -> {
                    accounts.enable(id, actor, reason);
                    yield "Account enabled.";
                }
                case "unlock" -> {
                    accounts.unlock(id, actor, reason);
                    yield "Account unlocked.";
                }
                case "reset-two-factor" -> {
                    accounts.resetTwoFactor(id, actor, reason);
                    yield "Two-factor authentication reset. The person sets it up again at their next sign-in.";
                }
                case "exempt-two-factor" -> {
                    accounts.setTwoFactorExempt(id, true, actor, reason);
                    yield "Account exempted from two-factor authentication.";
                }
                case "require-two-factor" -> {
                    accounts.setTwoFactorExempt(id, false, actor, reason);
                    yield "Exemption removed: two-factor follows the account's role again.";
                }
                case "reset-password" -> {
                    redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(id, actor, reason));
                    yield "Password reset. Give the person this temporary password; it is shown only once.";
                }
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            };
            redirect.addFlashAttribute("message", message);
        } catch (AccountException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/accounts/" + id;
    }
}
