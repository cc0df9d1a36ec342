package org.lantern.server.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.lantern.policy.Level;
import org.lantern.policy.UserActionsTable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The User Actions table edited as a grid in the policy editor: a row per activity, a tick box per
 * level, and a blank row to add one. Saving writes the cells into the policy's YAML
 * ({@link UserActionsTable}) and proposes it like any edit, so it is validated, needs a reason,
 * and becomes a new version in the change-control log.
 */
@Controller
class UserActionsGridController {

    private final PolicyService policies;

    UserActionsGridController(PolicyService policies) {
        this.policies = policies;
    }

    /** What the editor shows of the grid: the rows and the level columns. */
    static void addGrid(Model model, List<UserActionsTable.Row> rows) {
        List<UserActionsTable.Row> withBlank = new ArrayList<>(rows);
        withBlank.add(new UserActionsTable.Row("", "", List.of(), List.of()));
        model.addAttribute("userActions", withBlank);
        model.addAttribute("levels", Level.values());
    }

    @PostMapping("/policy/edit/user-actions")
    @PreAuthorize("hasAuthority('POLICY_EDIT')")
    String save(@RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "") String reason,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<UserActionsTable.Row> rows = rows(form);
        return PolicyGrids.save(policies, "user-actions", yaml -> UserActionsTable.withRows(yaml, rows), reason,
                principal, model, response, redirect, m -> addGrid(m, rows));
    }

    /**
     * The rows as posted: besides {@code id.N} and {@code text.N}, {@code categories.N} (ids
     * separated by commas or spaces) and {@code level.N} (one value per ticked level).
     */
    static List<UserActionsTable.Row> rows(MultiValueMap<String, String> form) {
        return PolicyGrids.rows(form, p -> new UserActionsTable.Row(p.id(), p.text(),
                PolicyGrids.ids(form.getFirst("categories." + p.index())),
                form.getOrDefault("level." + p.index(), List.of()).stream().map(Level::fromId).toList()));
    }
}
