package org.lantern.server.incidents;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's chronology on screen and ready to print. The print version is its own address so
 * that printing is logged as such, and it names who printed it and when on the paper.
 */
@Controller
class ChronologyController {

    private final Chronology chronology;

    ChronologyController(Chronology chronology) {
        this.chronology = chronology;
    }

    @GetMapping("/people/{id:\\d+}/chronology")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String view(@PathVariable long id, Authentication user, Model model) {
        return show(id, user, model, false);
    }

    @GetMapping("/people/{id:\\d+}/chronology/print")
    @PreAuthorize("hasAuthority('INCIDENT_READ_ALL')")
    String print(@PathVariable long id, Authentication user, Model model) {
        return show(id, user, model, true);
    }

    private String show(long id, Authentication user, Model model, boolean print) {
        Viewer viewer = Viewer.of(user);
        Chronology.View view = chronology.read(id, viewer, print)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", view);
        model.addAttribute("print", print);
        model.addAttribute("viewer", viewer);
        return "incidents/chronology";
    }
}
