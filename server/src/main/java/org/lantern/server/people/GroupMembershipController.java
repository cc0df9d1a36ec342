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
 * Puts a person in a policy group, or takes them out, from their page: how the DSL chooses the
 * nominated users of the User Actions table. A refused change says why and changes nothing.
 */
@Controller
class GroupMembershipController {

    private final People people;
    private final GroupMemberships memberships;

    GroupMembershipController(People people, GroupMemberships memberships) {
        this.people = people;
        this.memberships = memberships;
    }

    @PostMapping("/people/{id:\\d+}/groups")
    @PreAuthorize("hasAuthority('FILTER_NOMINATE')")
    String add(@PathVariable long id, @RequestParam(defaultValue = "") String group,
               @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            GroupMembership added = memberships.add(id, group, user.getName(), reason);
            redirect.addFlashAttribute("groupMessage", "Added to " + added.groupId()
                    + ". The filter applies it from the next request.");
        } catch (GroupMembershipException e) {
            redirect.addFlashAttribute("groupError", e.getMessage());
            redirect.addFlashAttribute("groupReason", reason);
        }
        return "redirect:/people/" + id + "#groups";
    }

    @PostMapping("/people/{id:\\d+}/groups/remove")
    @PreAuthorize("hasAuthority('FILTER_NOMINATE')")
    String remove(@PathVariable long id, @RequestParam(defaultValue = "") String group,
                  @RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
        people.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            redirect.addFlashAttribute("groupMessage", memberships.remove(id, group, user.getName(), reason)
                    ? "Removed from " + group + "." : "Nothing changed: they were not in " + group + ".");
        } catch (GroupMembershipException e) {
            redirect.addFlashAttribute("groupError", e.getMessage());
        }
        return "redirect:/people/" + id + "#groups";
    }
}
