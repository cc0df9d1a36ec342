package org.lantern.server.registers.cloud;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterNotFoundException;
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

/**
 * The cloud services register under {@code /registers/cloud}: the approved list every member of
 * staff reads, asking for a new service, and the ICT manager's and senior leader's approvals.
 */
@Controller
@RequestMapping("/registers/cloud")
class CloudPageController {

    private final CloudServices services;

    CloudPageController(CloudServices services) {
        this.services = services;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CLOUD_SERVICES_READ')")
    String list(Model model) {
        model.addAttribute("approved", services.list(CloudService.Status.APPROVED));
        model.addAttribute("waiting", services.list(CloudService.Status.REQUESTED));
        model.addAttribute("refused", services.list(CloudService.Status.REFUSED));
        return "registers/cloud/list";
    }

    @GetMapping("/services.csv")
    @PreAuthorize("hasAuthority('CLOUD_SERVICES_READ')")
    void export(HttpServletResponse response) throws IOException {
        CloudExport.services(response, services.list(null));
    }

    @PostMapping("/requests")
    @PreAuthorize("hasAuthority('CLOUD_SERVICE_REQUEST')")
    String request(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String purpose,
                   @RequestParam(defaultValue = "") String dataHeld, @RequestParam(defaultValue = "false") boolean dpiaDone,
                   @RequestParam(defaultValue = "false") boolean dpaInPlace, Authentication user,
                   RedirectAttributes redirect) {
        CloudServices.Details details = new CloudServices.Details(name, purpose, dataHeld, dpiaDone, dpaInPlace);
        try {
            CloudService s = services.request(details, user.getName());
            redirect.addFlashAttribute("done", "Your request for " + s.name() + " is sent to the ICT manager and a "
                    + "senior leader. Do not sign up or store any details until both have approved it.");
            return "redirect:/registers/cloud/" + s.id();
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("form", details);
            return "redirect:/registers/cloud#request";
        }
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('CLOUD_SERVICES_READ')")
    String service(@PathVariable long id, Authentication user, Model model) {
        model.addAttribute("service", services.find(id)
                .orElseThrow(() -> new RegisterNotFoundException("There is no cloud service " + id + ".")));
        model.addAttribute("approver", Approver.of(user).orElse(null));
        return "registers/cloud/service";
    }

    @PostMapping("/{id:\\d+}/approve")
    @PreAuthorize("hasAnyAuthority('CLOUD_SERVICE_APPROVE_ICT', 'CLOUD_SERVICE_APPROVE_SENIOR')")
    String approve(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            CloudService s = services.approve(id, Approver.of(user).orElseThrow(), user.getName());
            redirect.addFlashAttribute("done", s.status() == CloudService.Status.APPROVED
                    ? s.name() + " is approved: it is on the approved list."
                    : "Your approval is recorded; " + s.name() + " now needs the other approval.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/cloud/" + id;
    }

    @PostMapping("/{id:\\d+}/refuse")
    @PreAuthorize("hasAnyAuthority('CLOUD_SERVICE_APPROVE_ICT', 'CLOUD_SERVICE_APPROVE_SENIOR')")
    String refuse(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                  RedirectAttributes redirect) {
        try {
            services.refuse(id, Approver.of(user).orElseThrow(), reason, user.getName());
            redirect.addFlashAttribute("done", "The request is refused.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/cloud/" + id;
    }

    @PostMapping("/{id:\\d+}/details")
    @PreAuthorize("hasAuthority('SOFTWARE_MANAGE')")
    String details(@PathVariable long id, @RequestParam(defaultValue = "") String purpose,
                   @RequestParam(defaultValue = "") String dataHeld, @RequestParam(defaultValue = "false") boolean dpiaDone,
                   @RequestParam(defaultValue = "false") boolean dpaInPlace, Authentication user,
                   RedirectAttributes redirect) {
        try {
            services.update(id, new CloudServices.Details(null, purpose, dataHeld, dpiaDone, dpaInPlace), user.getName());
            redirect.addFlashAttribute("done", "The details are saved.");
        } catch (RegisterException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/registers/cloud/" + id;
    }
}
