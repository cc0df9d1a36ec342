package org.lantern.policy;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The User Actions table edited as a table: a row's text, categories and ticked levels read from
 * the policy and written back into its YAML, with everything else in the text (comments, layout,
 * the order of sections, a row's time windows, nominated users and overrides) as it was. A change
 * of one tick is then one changed line in the policy's history.
 */
public final class UserActionsTable {

    private UserActionsTable() {
    }

    /**
     * One row as the grid shows it.
     *
     * @param id         the row's id; a new row's is made from its text
     * @param text       the row text as published
     * @param categories content category ids
     * @param levels     the ticked columns
     */
    public record Row(String id, String text, List<String> categories, List<Level> levels) {
        public Row {
            categories = Lists.copy(categories);
            levels = Lists.copy(levels);
        }
    }

    /** The rows of a valid policy's table, in order. */
    public static List<Row> rows(PolicyDocument policy) {
        return policy.activities().stream()
                .map(a -> new Row(a.id(), a.text(), a.categories(), a.levels())).toList();
    }

    /**
     * The policy text with each row's text, categories and levels set from {@code rows}; rows whose
     * id is not in the table are added at its end. Rows of the table not given are left alone. The
     * result is not checked: the caller proposes it as a new version, which validates it.
     */
    public static String withRows(String yaml, List<Row> rows) {
        Node root = YamlNodes.compose(yaml);
        if (!(YamlNodes.valueOf(root, "activities") instanceof SequenceNode table)) {
            throw YamlNodes.missing("activities", "User Actions table");
        }
        Map<String, MappingNode> byId = YamlNodes.byId(table);
        for (Row row : rows) {
            MappingNode node = byId.get(row.id());
            if (node == null) {
                node = YamlNodes.append(table, row.id());
            }
            YamlNodes.set(node, "text", YamlNodes.quoted(row.text()));
            YamlNodes.set(node, "categories", YamlNodes.list(row.categories()));
            YamlNodes.set(node, "levels", YamlNodes.list(row.levels().stream().map(Level::id).toList()));
        }
        return YamlNodes.serialize(root);
    }
}
