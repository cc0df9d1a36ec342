package org.lantern.server.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.PolicyValidationException;
import org.lantern.policy.SanctionsTable;
import org.lantern.policy.UserActionsTable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the tables edited as grids in the policy editor share: the grids the editor shows, the
 * rows as posted, and saving the written-back YAML through change control, so a refused save
 * shows the school's cells again with the reason next to the table it came from.
 */
final class PolicyGrids {

    private PolicyGrids() {
    }

    /** One posted row before its table's own cells are read: its index in the form, id and text. */
    record Posted(int index, String id, String text) {
    }

    /** Every grid of {@code version}, each with a blank row to add one. */
    static void addAll(Model model, PolicyVersion version) {
        PolicyDocument policy = PolicyParser.parse(version.yaml());
        UserActionsGridController.addGrid(model, UserActionsTable.rows(policy));
        for (SanctionsTable.Side side : SanctionsTable.Side.values()) {
            SanctionsGridController.addGrid(model, policy, side, SanctionsTable.rows(policy, side));
        }
    }

    /**
     * The rows as posted, {@code id.N} and {@code text.N} for N from 0, read into a table's rows by
     * {@code cells}. A row with no text is the unused blank row; a new row's id is made from its text.
     */
    static <R> List<R> rows(MultiValueMap<String, String> form, Function<Posted, R> cells) {
        List<R> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("text." + i); i++) {
            String text = form.getFirst("text." + i).strip();
            if (text.isEmpty()) {
                continue;
            }
            String id = form.getFirst("id." + i);
            rows.add(cells.apply(new Posted(i, id == null || id.isBlank() ? idFor(text) : id.strip(), text)));
        }
        return rows;
    }

    /** The ids in one text field, separated by commas or spaces. */
    static List<String> ids(String field) {
        return field == null ? List.of() : Arrays.stream(field.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
    }

    /**
     * Proposes the policy with a grid's rows written in as a new version. Refused (invalid, or no
     * reason), the editor is shown again with the posted cells ({@code reshow}) and the reasons
     * next to the grid named {@code grid}; nothing the school typed is lost.
     */
    static String save(PolicyService policies, String grid, Function<String, String> withRows, String reason,
                       Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect,
                       Consumer<Model> reshow) {
        PolicyVersion current = policies.current().orElseThrow(() -> new NoSuchElementException("no policy version exists"));
        try {
            PolicyVersion saved = policies.propose(withRows.apply(current.yaml()), principal.getName(), reason);
            redirect.addFlashAttribute("saved", saved.number());
            return "redirect:/policy";
        } catch (PolicyChangeRejectedException | PolicyValidationException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("yaml", current.yaml());
            model.addAttribute("reason", "");
            model.addAttribute("errors", List.of());
            model.addAttribute("version", current);
            addAll(model, current);
            model.addAttribute("failedGrid", grid);
            model.addAttribute("gridReason", reason);
            model.addAttribute("gridErrors", e instanceof PolicyChangeRejectedException r ? r.errors()
                    : ((PolicyValidationException) e).errors().stream().map(Object::toString).toList());
            reshow.accept(model);
            return "policy/edit";
        }
    }

    private static String idFor(String text) {
        String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return id.length() > 60 ? id.substring(0, 60).replaceAll("-$", "") : id;
    }
}
