package org.lantern.server.people;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Restores internet access an incident's sanction suspended, from the person's page: only roles
 * with {@code NETWORK_ACCESS_RESTORE}, and always with a reason.
 */
@Controller
class AccessRestoreController {

    private final People people;
    private final AccessSuspensions suspensions;

    AccessRestoreController(People people, AccessSuspensions suspensions) {
        this.people = people;
        this.suspensions = suspensions;
    }

    @PostMapping("/people/{id:\\d+}/access/restore")
    @PreAuthorize("hasAuthority('NETWORK_ACCESS_RESTORE')")
    String restore(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                   RedirectAttributes redirect) {
        people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            redirect.addFlashAttribute("accessMessage", switch (suspensions.restore(id, user.getName(), reason)) {
                case ACCESS_GIVEN_BACK -> "Suspension ended: internet access restored.";
                case SUSPENSION_LIFTED -> "Suspension ended. Internet access stays off: they had none before it, "
                        + "or they have left.";
                case NOTHING_SUSPENDED -> "Nothing changed: their access was not suspended.";
            });
        } catch (AccessRestoreException e) {
            redirect.addFlashAttribute("restoreError", e.getMessage());
        }
        return "redirect:/people/" + id + "#access";
    }
}
