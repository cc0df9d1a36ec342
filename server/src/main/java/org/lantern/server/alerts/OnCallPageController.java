package org.lantern.server.alerts;

import java.util.List;

import org.lantern.server.terms.SchoolHoursSetting;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where the DSL keeps the on-call list for level-5 alerts outside school hours: who is
 * told first, second and so on, by email and webhook, and the school hours and timeout in force.
 * INCIDENT_MANAGE (the DSL and deputies), as for triage.
 */
@Controller
@RequestMapping("/alerts/on-call")
@PreAuthorize("hasAuthority('INCIDENT_MANAGE')")
class OnCallPageController {

    private final OnCallList list;
    private final DeliveryProperties settings;
    private final SchoolHoursSetting hours;

    OnCallPageController(OnCallList list, DeliveryProperties settings, SchoolHoursSetting hours) {
        this.list = list;
        this.settings = settings;
        this.hours = hours;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("people", list.people());
        model.addAttribute("settings", settings);
        model.addAttribute("hours", hours.current());
        return "alerts/on-call";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
               @RequestParam(defaultValue = "") String webhook, Authentication user, RedirectAttributes redirect) {
        try {
            OnCallList.OnCallPerson added = list.add(name, email, webhook, user.getName());
            redirect.addFlashAttribute("message", added.name() + " added, number " + (added.position() + 1) + " on the list.");
        } catch (AlertRejectedException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
            redirect.addFlashAttribute("typedName", name);
            redirect.addFlashAttribute("typedEmail", email);
            redirect.addFlashAttribute("typedWebhook", webhook);
        }
        return "redirect:/alerts/on-call";
    }

    @PostMapping("/{id:\\d+}/remove")
    String remove(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        mustBeOnList(id);
        return act(redirect, () -> {
            list.remove(id, user.getName());
            return "Taken off the list.";
        });
    }

    @PostMapping("/{id:\\d+}/move")
    String move(@PathVariable long id, @RequestParam(defaultValue = "") String direction, Authentication user,
                RedirectAttributes redirect) {
        mustBeOnList(id);
        return act(redirect, () -> {
            list.move(id, "up".equals(direction), user.getName());
            return "Order changed.";
        });
    }

    /** A person not on the list named in the address is not found, as any missing record in an address is. */
    private void mustBeOnList(long id) {
        if (list.people().stream().noneMatch(p -> p.id() == id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private interface Change {
        String run();
    }

    private static String act(RedirectAttributes redirect, Change change) {
        try {
            redirect.addFlashAttribute("message", change.run());
        } catch (AlertRejectedException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:/alerts/on-call";
    }
}
