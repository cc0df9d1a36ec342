package org.lantern.server.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.lantern.policy.Level;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.PolicyValidationException;
import org.lantern.policy.UserActionsTable;
import org.springframework.http.HttpStatus;
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

    /** The grid of the version in force. */
    static List<UserActionsTable.Row> rowsOf(PolicyVersion version) {
        return UserActionsTable.rows(PolicyParser.parse(version.yaml()));
    }

    @PostMapping("/policy/edit/user-actions")
    @PreAuthorize("hasAuthority('POLICY_EDIT')")
    String save(@RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "") String reason,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        PolicyVersion current = policies.current().orElseThrow(() -> new NoSuchElementException("no policy version exists"));
        List<UserActionsTable.Row> rows = rows(form);
        try {
            PolicyVersion saved = policies.propose(UserActionsTable.withRows(current.yaml(), rows), principal.getName(), reason);
            redirect.addFlashAttribute("saved", saved.number());
            return "redirect:/policy";
        } catch (PolicyChangeRejectedException | PolicyValidationException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("yaml", current.yaml());
            model.addAttribute("reason", "");
            model.addAttribute("gridReason", reason);
            model.addAttribute("errors", List.of());
            model.addAttribute("gridErrors", e instanceof PolicyChangeRejectedException r ? r.errors()
                    : ((PolicyValidationException) e).errors().stream().map(Object::toString).toList());
            model.addAttribute("version", current);
            addGrid(model, rows.stream().filter(r -> !r.id().isEmpty()).toList());
            return "policy/edit";
        }
    }

    /**
     * The rows as posted: {@code id.N}, {@code text.N}, {@code categories.N} (ids separated by
     * commas or spaces) and {@code level.N} (one value per ticked level). A row with no text is
     * the unused blank row; a new row's id is made from its text.
     */
    static List<UserActionsTable.Row> rows(MultiValueMap<String, String> form) {
        List<UserActionsTable.Row> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("text." + i); i++) {
            String text = form.getFirst("text." + i).strip();
            if (text.isEmpty()) {
                continue;
            }
            String id = form.getFirst("id." + i);
            id = id == null || id.isBlank() ? idFor(text) : id.strip();
            String categories = form.getFirst("categories." + i);
            List<String> categoryIds = categories == null ? List.of()
                    : Arrays.stream(categories.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
            List<Level> levels = form.getOrDefault("level." + i, List.of()).stream().map(Level::fromId).toList();
            rows.add(new UserActionsTable.Row(id, text, categoryIds, levels));
        }
        return rows;
    }

    private static String idFor(String text) {
        String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return id.length() > 60 ? id.substring(0, 60).replaceAll("-$", "") : id;
    }
}
