package org.lantern.server.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.lantern.policy.Column;
import org.lantern.policy.PolicyDocument;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Sanctions;
import org.lantern.policy.SanctionsTable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pupils' and staff Actions / Sanctions tables edited as grids in the policy editor: a row per
 * incident, a tick box per action column, and a blank row to add one. Saving writes the cells into
 * the policy's YAML ({@link SanctionsTable}) and proposes it like any edit, so it is validated,
 * needs a reason, and becomes a new version in the change-control log.
 */
@Controller
class SanctionsGridController {

    private final PolicyService policies;

    SanctionsGridController(PolicyService policies) {
        this.policies = policies;
    }

    /**
     * What the editor shows of one table: its action columns and its rows with a blank one, which
     * a new row offers the last part's columns, as that is where it is added. Nothing where the
     * policy has no such table.
     */
    static void addGrid(Model model, PolicyDocument policy, SanctionsTable.Side side, List<SanctionsTable.Row> rows) {
        Sanctions.Table table = SanctionsTable.table(policy, side);
        if (table == null || table.parts().isEmpty()) {
            return;
        }
        List<SanctionsTable.Row> withBlank = new ArrayList<>(rows);
        withBlank.add(new SanctionsTable.Row("", "", List.of(), table.parts().getLast().columns()));
        model.addAttribute(side.id() + "Sanctions", withBlank);
        model.addAttribute(side.id() + "SanctionColumns", table.columns().stream().map(Column::id).toList());
        model.addAttribute(side.id() + "SanctionHeadings", table.columns().stream().map(Column::text).toList());
    }

    @PostMapping("/policy/edit/sanctions/{side:pupil|staff}")
    @PreAuthorize("hasAuthority('POLICY_EDIT')")
    String save(@PathVariable String side, @RequestParam MultiValueMap<String, String> form,
                @RequestParam(defaultValue = "") String reason, Principal principal, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        SanctionsTable.Side table = SanctionsTable.Side.fromId(side);
        List<SanctionsTable.Row> rows = PolicyGrids.rows(form, p -> new SanctionsTable.Row(p.id(), p.text(),
                form.getOrDefault("action." + p.index(), List.of()), List.of()));
        return PolicyGrids.save(policies, side, yaml -> SanctionsTable.withRows(yaml, table, rows), reason,
                principal, model, response, redirect, m -> reshow(m, table, rows));
    }

    /** The posted rows shown again, each offering the columns its part prints as before. */
    private void reshow(Model model, SanctionsTable.Side side, List<SanctionsTable.Row> posted) {
        PolicyDocument policy = PolicyParser.parse(policies.current().orElseThrow().yaml());
        List<SanctionsTable.Row> current = SanctionsTable.rows(policy, side);
        List<String> lastPart = SanctionsTable.table(policy, side).parts().getLast().columns();
        addGrid(model, policy, side, posted.stream().map(r -> new SanctionsTable.Row(r.id(), r.text(), r.actions(),
                current.stream().filter(c -> c.id().equals(r.id())).findFirst()
                        .map(SanctionsTable.Row::offered).orElse(lastPart))).toList());
    }
}
