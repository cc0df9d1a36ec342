package org.lantern.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A pupils' or staff Actions / Sanctions table edited as a table: a row's text and ticked
 * actions read from the policy and written back into its YAML, everything else in the text
 * (comments, layout, the columns and the parts a table is printed in) as it was. A change of one
 * tick is then one changed line in the policy's history.
 */
public final class SanctionsTable {

    private SanctionsTable() {
    }

    /** Which of the two tables. */
    public enum Side {
        PUPIL, STAFF;

        /** The key of this table under {@code sanctions} in the YAML, also its name in addresses. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The side named {@code id}, as {@link #id()} gives it. */
        public static Side fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One incident row as the grid shows it.
     *
     * @param id      the row's id; a new row's is made from its text
     * @param text    the row text as published
     * @param actions ids of the ticked columns
     * @param offered ids of the columns printed above the row's part, the only ones it can tick;
     *                not written back
     */
    public record Row(String id, String text, List<String> actions, List<String> offered) {
        public Row {
            actions = Lists.copy(actions);
            offered = Lists.copy(offered);
        }
    }

    /** The table on {@code side} of a valid policy, or null where the policy has none. */
    public static Sanctions.Table table(PolicyDocument policy, Side side) {
        Sanctions sanctions = policy.sanctions();
        if (sanctions == null) {
            return null;
        }
        return side == Side.PUPIL ? sanctions.pupil() : sanctions.staff();
    }

    /** The rows of the table on {@code side}, part after part; none where the policy has no such table. */
    public static List<Row> rows(PolicyDocument policy, Side side) {
        Sanctions.Table table = table(policy, side);
        if (table == null) {
            return List.of();
        }
        return table.parts().stream().flatMap(p -> p.incidents().stream()
                .map(i -> new Row(i.id(), i.text(), i.actions(), p.columns()))).toList();
    }

    /**
     * The policy text with each row's text and actions set from {@code rows}; rows whose id is in
     * no part of the table are added at the end of its last part. Rows not given are left alone.
     * The result is not checked: the caller proposes it as a new version, which validates it.
     */
    public static String withRows(String yaml, Side side, List<Row> rows) {
        Node root = YamlNodes.compose(yaml);
        String path = "sanctions." + side.id();
        if (!(YamlNodes.valueOf(YamlNodes.valueOf(YamlNodes.valueOf(root, "sanctions"), side.id()), "parts")
                instanceof SequenceNode parts) || parts.getValue().isEmpty()) {
            throw YamlNodes.missing(path, "Actions / Sanctions table");
        }
        Map<String, MappingNode> byId = new HashMap<>();
        SequenceNode last = null;
        for (Node part : parts.getValue()) {
            if (YamlNodes.valueOf(part, "incidents") instanceof SequenceNode incidents) {
                byId.putAll(YamlNodes.byId(incidents));
                last = incidents;
            }
        }
        if (last == null) {
            throw YamlNodes.missing(path + ".parts[].incidents", "Actions / Sanctions table");
        }
        for (Row row : rows) {
            MappingNode node = byId.get(row.id());
            if (node == null) {
                node = YamlNodes.append(last, row.id());
                byId.put(row.id(), node);
            }
            YamlNodes.set(node, "text", YamlNodes.quoted(row.text()));
            YamlNodes.set(node, "actions", YamlNodes.list(new ArrayList<>(row.actions())));
        }
        return YamlNodes.serialize(root);
    }
}
