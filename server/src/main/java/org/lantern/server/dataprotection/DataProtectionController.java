package org.lantern.server.dataprotection;

import java.time.Instant;

import org.lantern.server.people.People;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /data-protection}: what needs attention in the breach register and the subject access log. */
@Controller
class DataProtectionController {

    private final BreachRegister breaches;
    private final SubjectAccessRequests requests;

    DataProtectionController(BreachRegister breaches, SubjectAccessRequests requests) {
        this.breaches = breaches;
        this.requests = requests;
    }

    @GetMapping("/data-protection")
    @PreAuthorize("hasAuthority('DATA_PROTECTION_MANAGE')")
    String index(Model model) {
        Instant now = Instant.now();
        model.addAttribute("awaitingReport", breaches.list().stream().filter(Breach::awaitingReport).toList());
        model.addAttribute("now", now);
        model.addAttribute("openRequests", requests.list().stream().filter(r -> r.status() == SarStatus.OPEN).toList());
        model.addAttribute("today", People.today());
        return "dataprotection/index";
    }
}
