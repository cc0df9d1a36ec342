package org.lantern.server.registers.agreements;

import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreement texts and the network gate, under {@code /registers/agreements}: every audience's
 * text in force and its history; a new version (material or correction) by the DSL, headteacher or
 * administrator; the gate's setting per policy group.
 */
@Controller
@RequestMapping("/registers/agreements")
class AgreementTextsController {

    private final AgreementTexts texts;
    private final NetworkGate gate;

    AgreementTextsController(AgreementTexts texts, NetworkGate gate) {
        this.texts = texts;
        this.gate = gate;
    }

    /** A new version as typed. */
    record VersionForm(String audience, String title, String body, String changeKind, String note) {
    }

    @GetMapping("/texts")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    String texts(Model model) {
        model.addAttribute("inForce", texts.allInForce());
        model.addAttribute("audiences", Audience.values());
        return "registers/texts";
    }

    @GetMapping("/texts/history")
    @PreAuthorize("hasAuthority('AGREEMENTS_READ')")
    String history(@RequestParam(defaultValue = "") String audience, Model model) {
        Audience a = audience(audience);
        model.addAttribute("audience", a);
        model.addAttribute("versions", texts.history(a));
        return "registers/history";
    }

    @GetMapping("/texts/edit")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    String edit(@RequestParam(defaultValue = "") String audience, Model model) {
        Audience a = audience(audience);
        AgreementVersion current = texts.inForce(a).orElse(null);
        model.addAttribute("form", new VersionForm(a.name(), current == null ? "" : current.title(),
                current == null ? "" : current.body(), "", ""));
        return editPage(a, current, List.of(), model);
    }

    @PostMapping("/texts")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    String publish(@ModelAttribute("form") VersionForm form, Authentication user, Model model,
                   RedirectAttributes redirect) {
        Audience a = audience(form.audience());
        try {
            AgreementVersion v = texts.publish(a, form.title(), form.body(),
                    ChangeKind.parseNew(form.changeKind()).orElse(null), form.note(), user.getName());
            redirect.addFlashAttribute("published", "Version " + v.number() + " of the " + a.label()
                    + " agreement is in force. " + (v.changeKind().needsSigning() ? "Everyone signs it again."
                    : "Nobody needs to sign again."));
            return "redirect:/registers/agreements/texts/history?audience=" + a.name();
        } catch (AgreementException e) {
            return editPage(a, texts.inForce(a).orElse(null), e.problems(), model);
        }
    }

    @GetMapping("/gate")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    String gate(Model model) {
        model.addAttribute("groups", gate.settings());
        return "registers/gate";
    }

    @PostMapping("/gate")
    @PreAuthorize("hasAuthority('AGREEMENTS_EDIT')")
    String setGate(@RequestParam(name = "group", required = false) List<String> groups, Authentication user,
                   RedirectAttributes redirect) {
        try {
            gate.set(new LinkedHashSet<>(groups == null ? List.of() : groups), user.getName());
            redirect.addFlashAttribute("saved", "Saved: the filter applies it from each person's next request.");
        } catch (AgreementException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/agreements/gate";
    }

    private String editPage(Audience audience, AgreementVersion current, List<String> problems, Model model) {
        model.addAttribute("audience", audience);
        model.addAttribute("current", current);
        model.addAttribute("kinds", List.of(ChangeKind.MATERIAL, ChangeKind.CORRECTION));
        model.addAttribute("problems", problems);
        return "registers/edit";
    }

    private static Audience audience(String text) {
        return Audience.parse(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "Choose an agreement: " + List.of(Audience.values())));
    }
}
