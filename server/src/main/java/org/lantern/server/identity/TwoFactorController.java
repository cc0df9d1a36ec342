package org.lantern.server.identity;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of logon (a TOTP or recovery code) and two-factor enrolment. Reached by
 * sessions holding only a pending marker authority, so it checks the principal itself rather
 * than a permission; {@link AccountSessionFilter} keeps those sessions here.
 */
@Controller
class TwoFactorController {

    private final AccountStore store;
    private final TwoFactorService twoFactor;
    private final LogonGuard guard;
    private final SessionSignIn signIn;

    TwoFactorController(AccountStore store, TwoFactorService twoFactor, LogonGuard guard, SessionSignIn signIn) {
        this.store = store;
        this.twoFactor = twoFactor;
        this.guard = guard;
        this.signIn = signIn;
    }

    @GetMapping(AccountSessionFilter.CODE_PAGE)
    String codePage(Authentication authentication) {
        return pending(authentication, Authorities.PENDING_CODE) ? "identity/code" : "redirect:/";
    }

    @PostMapping(AccountSessionFilter.CODE_PAGE)
    String code(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        if (!pending(authentication, Authorities.PENDING_CODE)) {
            return "redirect:/";
        }
        AccountStore.StoredAccount account = current(authentication);
        LogonDetails details = LogonDetails.of(request);
        Instant now = Instant.now();
        LogonGuard.Attempt attempt;
        try {
            attempt = begin(account, details, now);
        } catch (LockedException | DisabledException e) {
            return endSession(request);
        } catch (AuthenticationException e) {
            model.addAttribute("codeError", "Too many wrong codes. Wait a minute, then try again.");
            return "identity/code";
        }
        if (twoFactor.verify(account, code)) {
            guard.succeeded(account, details, now);
            signIn.complete(request, response, account);
            return "redirect:/";
        }
        guard.failed(attempt, LogonOutcome.BAD_CODE);
        if (current(authentication).lockedAt(Instant.now())) {
            return endSession(request);
        }
        // One message for a wrong code and a used one, so the page does not confirm that a guessed code was right.
        model.addAttribute("codeError", "That code is not right, or it has already been used. Wait for your app to show "
                + "a new code and enter that, or use a recovery code.");
        return "identity/code";
    }

    @GetMapping(AccountSessionFilter.ENROLMENT_PAGE)
    String enrolmentPage(Authentication authentication, Model model) {
        AccountStore.StoredAccount account = current(authentication);
        if (account.totpEnabled()) {
            model.addAttribute("enrolled", true);
            return "identity/two-factor";
        }
        return enrolmentForm(account, model, pending(authentication, Authorities.PENDING_ENROLMENT));
    }

    @PostMapping(AccountSessionFilter.ENROLMENT_PAGE)
    String enrol(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        AccountStore.StoredAccount account = current(authentication);
        boolean duringLogon = pending(authentication, Authorities.PENDING_ENROLMENT);
        LogonDetails details = LogonDetails.of(request);
        Instant now = Instant.now();
        LogonGuard.Attempt attempt = null;
        if (duringLogon) {
            try {
                attempt = begin(account, details, now);
            } catch (LockedException | DisabledException e) {
                return endSession(request);
            } catch (AuthenticationException e) {
                return enrolmentError(account, "Too many wrong codes. Wait a minute, then try again.", model, true);
            }
        }
        List<String> codes;
        try {
            codes = twoFactor.confirmEnrolment(account.id(), code);
        } catch (AccountException e) {
            if (duringLogon) {
                guard.failed(attempt, LogonOutcome.BAD_CODE);
                if (current(authentication).lockedAt(Instant.now())) {
                    return endSession(request);
                }
            }
            return enrolmentError(account, e.getMessage(), model, duringLogon);
        }
        if (duringLogon) {
            guard.succeeded(account, details, now);
            signIn.complete(request, response, account);
        }
        model.addAttribute("recoveryCodes", codes);
        return "identity/recovery-codes";
    }

    /** The address's wait first, then the account's: the code step is throttled as the password step is. */
    private LogonGuard.Attempt begin(AccountStore.StoredAccount account, LogonDetails details, Instant now) {
        guard.checkSource(account.username(), details, now);
        return guard.begin(account, details, now);
    }

    private String enrolmentError(AccountStore.StoredAccount account, String message, Model model, boolean required) {
        model.addAttribute("codeError", message);
        return enrolmentForm(account, model, required);
    }

    /** The enrolment page; without the secret and form when enrolment cannot go on, saying why. */
    private String enrolmentForm(AccountStore.StoredAccount account, Model model, boolean required) {
        try {
            model.addAttribute("enrolment", twoFactor.startEnrolment(account.id()));
        } catch (AccountException e) {
            model.addAttribute("codeError", e.getMessage());
        }
        model.addAttribute("required", required);
        return "identity/two-factor";
    }

    private AccountStore.StoredAccount current(Authentication authentication) {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        return store.findById(principal.id()).orElseThrow(() -> new AccountException("account", "There is no such account."));
    }

    private static boolean pending(Authentication authentication, String marker) {
        return authentication != null && Authorities.has(authentication, marker);
    }

    private static String endSession(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?locked";
    }
}
