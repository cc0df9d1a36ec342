package org.lantern.server.identity.password;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's choice of password policy preset, with the reasons for each and the history of choices. */
@Controller
@RequestMapping("/settings/password-policy")
@PreAuthorize("hasAuthority('PASSWORD_POLICY_MANAGE')")
class PasswordPolicyController {

    static final int MAX_REASON = 500;

    /** One preset as the page compares it. */
    record PresetView(String id, String title, List<String> rules, String expiry, boolean active) {
    }

    private final PasswordPolicyService policies;
    private final PasswordPolicySettings settings;

    PasswordPolicyController(PasswordPolicyService policies, PasswordPolicySettings settings) {
        this.policies = policies;
        this.settings = settings;
    }

    @GetMapping
    String show(Model model) {
        return page(model, Map.of(), null, "");
    }

    @PostMapping
    String choose(@RequestParam(required = false) String preset, @RequestParam(required = false) String reason,
                  Authentication authentication, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        PasswordPreset chosen = Arrays.stream(PasswordPreset.values())
                .filter(p -> p.name().equals(preset))
                .findFirst()
                .orElse(null);
        if (chosen == null) {
            errors.put("preset", "Choose one of the two presets.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.put("reason", "Give a reason for the choice: it is kept in the history below.");
        } else if (why.length() > MAX_REASON) {
            errors.put("reason", "Keep the reason to " + MAX_REASON + " characters or fewer.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, errors, preset, reason == null ? "" : reason);
        }
        settings.choose(chosen, authentication.getName(), why);
        return "redirect:/settings/password-policy?saved";
    }

    private String page(Model model, Map<String, String> errors, String selected, String reason) {
        PasswordPreset active = policies.activePreset();
        model.addAttribute("presets", Arrays.stream(PasswordPreset.values()).map(p -> view(p, active)).toList());
        model.addAttribute("active", active.title());
        model.addAttribute("selected", selected == null ? active.name() : selected);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("history", settings.history());
        model.addAttribute("maxReason", MAX_REASON);
        return "password/policy";
    }

    private PresetView view(PasswordPreset preset, PasswordPreset active) {
        PasswordPolicy policy = policies.policyOf(preset);
        String expiry = policy.maxAge()
                .map(age -> "Must be changed every " + age.toDays() / 7 + " weeks (" + age.toDays() + " days)")
                .orElse("Never expires: change it only if it may have been seen by someone else");
        return new PresetView(preset.name(), preset.title(),
                policy.rules().stream().map(PasswordRule::describe).toList(), expiry, preset == active);
    }
}
