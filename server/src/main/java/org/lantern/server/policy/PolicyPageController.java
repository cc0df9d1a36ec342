package org.lantern.server.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.lantern.policy.PolicyDiff;
import org.lantern.policy.PolicyHtmlRenderer;
import org.lantern.policy.PolicyParser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy pages: the policy in force as the school publishes it, its editor, its history, the
 * differences between versions and restoring an old version. Reading needs POLICY_READ; every
 * change needs POLICY_EDIT and a reason, and is recorded as a new version.
 */
@Controller
@RequestMapping("/policy")
class PolicyPageController {

    private final PolicyService policies;

    PolicyPageController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('POLICY_READ')")
    String current(Model model) {
        return show(policies.current().orElseThrow(() -> new NoSuchElementException("no policy version exists")),
                true, model);
    }

    @GetMapping("/history/{number}")
    @PreAuthorize("hasAuthority('POLICY_READ')")
    String version(@PathVariable int number, Model model) {
        PolicyVersion version = policies.version(number)
                .orElseThrow(() -> new NoSuchElementException("no policy version " + number));
        boolean inForce = policies.current().map(c -> c.number() == number).orElse(false);
        return show(version, inForce, model);
    }

    private String show(PolicyVersion version, boolean inForce, Model model) {
        model.addAttribute("version", version);
        model.addAttribute("inForce", inForce);
        model.addAttribute("policyHtml", PolicyHtmlRenderer.render(PolicyParser.parse(version.yaml())));
        model.addAttribute("review", policies.reviewOverdue().orElse(null));
        return "policy/view";
    }

    @GetMapping("/edit")
    @PreAuthorize("hasAuthority('POLICY_EDIT')")
    String editForm(Model model) {
        PolicyVersion current = policies.current().orElseThrow(() -> new NoSuchElementException("no policy version exists"));
        model.addAttribute("yaml", current.yaml());
        model.addAttribute("reason", "");
        model.addAttribute("material", false);
        model.addAttribute("errors", List.of());
        model.addAttribute("version", current);
        PolicyGrids.addAll(model, current);
        return "policy/edit";
    }

    @PostMapping("/edit")
    @PreAuthorize("hasAuthority('POLICY_EDIT')")
    String edit(@RequestParam(defaultValue = "") String yaml, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "false") boolean material, Principal principal, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            PolicyVersion saved = policies.propose(yaml, principal.getName(), reason, material);
            redirect.addFlashAttribute("saved", saved.number());
            return "redirect:/policy";
        } catch (PolicyChangeRejectedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("yaml", yaml);
            model.addAttribute("reason", reason);
            model.addAttribute("material", material);
            model.addAttribute("errors", e.errors());
            PolicyVersion current = policies.current().orElseThrow();
            model.addAttribute("version", current);
            PolicyGrids.addAll(model, current);
            return "policy/edit";
        }
    }

    @GetMapping("/history")
    @PreAuthorize("hasAuthority('POLICY_READ')")
    String history(Model model) {
        model.addAttribute("versions", policies.versions());
        return "policy/history";
    }

    @PostMapping("/history/{number}/restore")
    @PreAuthorize("hasAuthority('POLICY_EDIT')")
    String restore(@PathVariable int number, @RequestParam(defaultValue = "") String reason, Principal principal,
                   RedirectAttributes redirect) {
        try {
            PolicyVersion saved = policies.restore(number, principal.getName(), reason);
            redirect.addFlashAttribute("saved", saved.number());
            return "redirect:/policy";
        } catch (PolicyChangeRejectedException e) {
            redirect.addFlashAttribute("restoreErrors", e.errors());
            return "redirect:/policy/history/" + number;
        }
    }

    @GetMapping("/diff")
    @PreAuthorize("hasAuthority('POLICY_READ')")
    String diff(@RequestParam int from, @RequestParam int to, Model model) {
        PolicyVersion a = policies.version(from).orElseThrow(() -> new NoSuchElementException("no policy version " + from));
        PolicyVersion b = policies.version(to).orElseThrow(() -> new NoSuchElementException("no policy version " + to));
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        model.addAttribute("lines", PolicyDiff.changes(a.yaml(), b.yaml(), PolicyDiff.CONTEXT));
        return "policy/diff";
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "policy/not-found";
    }
}
