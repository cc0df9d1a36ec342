package org.lantern.server.filtering;

import java.security.Principal;
import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /filtering/lists}: the school's local allow and block lists and their change log. Every
 * change needs a reason and is recorded with who made it; a refused change shows why and changes
 * nothing. Removing an entry that is not there (already removed, or never) is a 404, as any missing
 * record is.
 */
@Controller
@PreAuthorize("hasAuthority('FILTER_MANAGE')")
class LocalListsController {

    private static final int CHANGES_SHOWN = 200;

    private final LocalLists lists;
    private final FilterService filter;

    LocalListsController(LocalLists lists, FilterService filter) {
        this.lists = lists;
        this.filter = filter;
    }

    @GetMapping("/filtering/lists")
    String page(Model model) {
        model.addAttribute("entries", lists.entries());
        model.addAttribute("changes", lists.changes(CHANGES_SHOWN));
        model.addAttribute("listNames", LocalLists.ListName.values());
        model.addAttribute("categoryLists", filter.categoryListStatus());
        return "filtering/lists";
    }

    @PostMapping("/filtering/lists")
    String add(@RequestParam(required = false) String list, @RequestParam(required = false) String entry,
               @RequestParam(required = false) String reason, Principal user, Model model,
               RedirectAttributes redirect) {
        try {
            LocalLists.ListName name = list == null ? null
                    : Arrays.stream(LocalLists.ListName.values()).filter(n -> n.name().equals(list))
                    .findFirst().orElse(null);
            LocalLists.Entry added = lists.add(name, entry, user.getName(), reason);
            redirect.addFlashAttribute("done", added.entry() + " is now on the " + added.list().label() + ".");
            return "redirect:/filtering/lists";
        } catch (LocalListException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("list", list);
            model.addAttribute("entry", entry);
            model.addAttribute("reason", reason);
            return page(model);
        }
    }

    @PostMapping("/filtering/lists/{id}/remove")
    String remove(@PathVariable long id, @RequestParam(required = false) String reason, Principal user, Model model,
                  RedirectAttributes redirect) {
        try {
            if (!lists.remove(id, user.getName(), reason)) {
                // Removed already, or never there: either way a missing record, answered as every one is.
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("done", "The entry was removed.");
            return "redirect:/filtering/lists";
        } catch (LocalListException e) {
            model.addAttribute("removeError", e.getMessage());
            model.addAttribute("removeId", id);
            return page(model);
        }
    }
}
