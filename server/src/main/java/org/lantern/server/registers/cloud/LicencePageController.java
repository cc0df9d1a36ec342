package org.lantern.server.registers.cloud;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The software licences register under {@code /registers/licences}: the licences, those expiring soon, adding and renewing. */
@Controller
@RequestMapping("/registers/licences")
class LicencePageController {

    private final SoftwareLicences licences;

    LicencePageController(SoftwareLicences licences) {
        this.licences = licences;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    String list(Model model) {
        LocalDate today = SchoolTime.today();
        model.addAttribute("licences", licences.list());
        model.addAttribute("dueSoon", licences.dueSoon(today));
        model.addAttribute("days", SoftwareLicences.DUE_SOON_DAYS);
        model.addAttribute("today", today);
        return "registers/cloud/licences";
    }

    @GetMapping("/licences.csv")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    void export(HttpServletResponse response) throws IOException {
        CloudExport.licences(response, licences.list(), SchoolTime.today());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    String add(@RequestParam(defaultValue = "") String product, @RequestParam(defaultValue = "") String supplier,
               @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String seats,
               @RequestParam(defaultValue = "") String expiresOn, Authentication user, RedirectAttributes redirect) {
        return save(null, product, supplier, reference, seats, expiresOn, user, redirect);
    }

    @PostMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String product,
                  @RequestParam(defaultValue = "") String supplier, @RequestParam(defaultValue = "") String reference,
                  @RequestParam(defaultValue = "") String seats, @RequestParam(defaultValue = "") String expiresOn,
                  Authentication user, RedirectAttributes redirect) {
        return save(id, product, supplier, reference, seats, expiresOn, user, redirect);
    }

    private String save(Long id, String product, String supplier, String reference, String seats, String expiresOn,
                        Authentication user, RedirectAttributes redirect) {
        try {
            SoftwareLicences.Form form = new SoftwareLicences.Form(product, supplier, reference,
                    RegisterForms.number(seats, "seats"), RegisterForms.date(expiresOn));
            if (id == null) {
                licences.create(form, user.getName());
            } else {
                licences.update(id, form, user.getName());
            }
            redirect.addFlashAttribute("done", "The licence is saved.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/licences";
    }
}
