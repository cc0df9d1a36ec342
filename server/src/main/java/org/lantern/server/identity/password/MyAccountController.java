package org.lantern.server.identity.password;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.identity.Role;
import org.lantern.server.identity.SessionCredentials;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** "My account" and the change-password page, for every signed-in person. */
@Controller
@PreAuthorize("isAuthenticated()")
class MyAccountController {

    // Schools are in the UK; times are shown as the people there read them.
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** What the "My account" page shows. Never carries the password hash. */
    record AccountView(String username, String displayName, String roleTitle, String passwordChangedOn,
                       long passwordAgeDays, String passwordExpiresOn, boolean expired, boolean mustChange,
                       String policyName) {
    }

    private final PasswordAccounts accounts;
    private final PasswordPolicyService policies;
    private final PasswordChanger changer;

    MyAccountController(PasswordAccounts accounts, PasswordPolicyService policies, PasswordChanger changer) {
        this.accounts = accounts;
        this.policies = policies;
        this.changer = changer;
    }

    @GetMapping("/account")
    String account(Authentication authentication, Model model) {
        PasswordAccounts.Row account = signedIn(authentication);
        PasswordPolicy policy = policies.activePolicy();
        Instant changedAt = account.passwordChangedAt().toInstant();
        Instant now = Instant.now();
        model.addAttribute("account", new AccountView(
                account.username(),
                account.displayName(),
                Role.valueOf(account.role()).title(),
                DATE.format(changedAt),
                Duration.between(changedAt, now).toDays(),
                policy.expiresAt(changedAt).map(DATE::format).orElse(null),
                policy.isExpired(changedAt, now),
                account.mustChangePassword(),
                policy.name()));
        return "password/account";
    }

    @GetMapping("/account/password")
    String changeForm(Model model) {
        model.addAttribute("policy", policies.activePolicy());
        return "password/change";
    }

    @PostMapping("/account/password")
    String change(Authentication authentication,
                  @RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        PasswordAccounts.Row account = signedIn(authentication);
        List<Violation> problems = changer.change(account.id(), currentPassword, newPassword, confirmPassword);
        if (problems.isEmpty()) {
            // Every other session of this person ends at its next request; this one goes on.
            accounts.byId(account.id()).ifPresent(changed ->
                    SessionCredentials.mark(request.getSession(), changed.credentialsVersion()));
            return "redirect:/account?changed";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("policy", policies.activePolicy());
        model.addAttribute("problems", problems);
        model.addAttribute("currentErrors", only(problems, PasswordChanger.WRONG_CURRENT_PASSWORD));
        model.addAttribute("confirmErrors", only(problems, PasswordChanger.CONFIRMATION_MISMATCH));
        model.addAttribute("newErrors", problems.stream()
                .filter(v -> !v.ruleId().equals(PasswordChanger.WRONG_CURRENT_PASSWORD)
                        && !v.ruleId().equals(PasswordChanger.CONFIRMATION_MISMATCH))
                .toList());
        return "password/change";
    }

    private static List<Violation> only(List<Violation> problems, String ruleId) {
        return problems.stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    }

    private PasswordAccounts.Row signedIn(Authentication authentication) {
        return accounts.byUsername(authentication.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
