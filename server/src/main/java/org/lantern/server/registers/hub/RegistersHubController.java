package org.lantern.server.registers.hub;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.lantern.server.http.SchoolTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Registers page ({@code /registers}), the one navigation link to every register: each register
 * the signed-in role may open, with a line on what it is for and its live counts (unsigned
 * agreements, open takedowns, overdue loans and training, the next review). Also in the API.
 */
@Controller
class RegistersHubController {

    /** Whoever may open at least one register; the page then shows only those. */
    static final String ANY_REGISTER = "hasAnyAuthority('AGREEMENTS_READ', 'CONSENTS_READ', 'PHOTO_LIST_READ', "
            + "'DEVICES_READ', 'TRAINING_READ', 'CLOUD_SERVICES_READ', 'SOFTWARE_MANAGE', 'REVIEWS_READ')";

    private final List<RegisterCards> registers;

    RegistersHubController(List<RegisterCards> registers) {
        this.registers = registers;
    }

    /**
     * A register as the viewer sees it.
     *
     * @param title       its name
     * @param link        its page
     * @param description what it is for
     * @param facts       its live counts, in words
     */
    record Shown(String title, String link, String description, List<String> facts) {
    }

    @GetMapping("/registers")
    @PreAuthorize(ANY_REGISTER)
    String hub(Authentication user, Model model) {
        model.addAttribute("registers", shown(user));
        return "registers/hub";
    }

    @GetMapping("/api/v1/registers")
    @PreAuthorize(ANY_REGISTER)
    @ResponseBody
    @Operation(summary = "The registers the caller may open, each with its live counts",
            description = "The same list as the Registers page: title, page, what it is for, and counts in words "
                    + "(unsigned agreements, open takedowns, overdue loans and training, the next review). No names.")
    List<Shown> api(Authentication user) {
        return shown(user);
    }

    private List<Shown> shown(Authentication user) {
        LocalDate today = SchoolTime.today();
        return registers.stream().flatMap(r -> r.cards().stream()).filter(c -> c.shownTo(user))
                .sorted(Comparator.comparingInt(RegisterCards.Card::order))
                .map(c -> new Shown(c.title(), c.link(), c.description(), c.facts().of(today, user))).toList();
    }
}
