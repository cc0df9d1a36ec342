package org.lantern.policy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

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
        Yaml parser = yaml();
        Node root = parser.compose(new StringReader(yaml));
        if (!(root instanceof MappingNode document) || !(valueOf(document, "activities") instanceof SequenceNode table)) {
            throw new PolicyValidationException(List.of(new PolicyError(0, 0, "activities",
                    "the policy has no User Actions table (activities) to edit")));
        }
        Map<String, MappingNode> byId = new LinkedHashMap<>();
        for (Node row : table.getValue()) {
            if (row instanceof MappingNode mapping && valueOf(mapping, "id") instanceof ScalarNode id) {
                byId.put(id.getValue(), mapping);
            }
        }
        for (Row row : rows) {
            MappingNode node = byId.get(row.id());
            if (node == null) {
                node = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                set(node, "id", plain(row.id()));
                table.getValue().add(node);
            }
            set(node, "text", quoted(row.text()));
            set(node, "categories", list(row.categories()));
            set(node, "levels", list(row.levels().stream().map(Level::id).toList()));
        }
        StringWriter out = new StringWriter();
        parser.serialize(root, out);
        return out.toString();
    }

    private static Yaml yaml() {
        LoaderOptions load = new LoaderOptions();
        load.setProcessComments(true);
        load.setMaxAliasesForCollections(0);
        load.setCodePointLimit(PolicyParser.MAX_BYTES);
        DumperOptions dump = new DumperOptions();
        // The presets' own layout: two-space indents, sequences indented under their key, no wrapping.
        dump.setProcessComments(true);
        dump.setIndent(2);
        dump.setIndicatorIndent(2);
        dump.setIndentWithIndicator(true);
        dump.setWidth(Integer.MAX_VALUE);
        return new Yaml(load, dump);
    }

    private static Node valueOf(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .map(NodeTuple::getValueNode).findFirst().orElse(null);
    }

    /**
     * Replaces the value of {@code key}, keeping an unchanged value's own style, or adds the key;
     * an empty list is not added where the row had no such key, as it means the same.
     */
    private static void set(MappingNode mapping, String key, Node value) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple tuple = tuples.get(i);
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                if (!same(tuple.getValueNode(), value)) {
                    tuples.set(i, new NodeTuple(tuple.getKeyNode(), value));
                }
                return;
            }
        }
        if (!(value instanceof SequenceNode sequence && sequence.getValue().isEmpty())) {
            tuples.add(new NodeTuple(plain(key), value));
        }
    }

    private static boolean same(Node before, Node after) {
        if (before instanceof ScalarNode a && after instanceof ScalarNode b) {
            return a.getValue().equals(b.getValue());
        }
        if (before instanceof SequenceNode a && after instanceof SequenceNode b) {
            return a.getValue().stream().map(n -> n instanceof ScalarNode s ? s.getValue() : null).toList()
                    .equals(b.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList());
        }
        return false;
    }

    private static ScalarNode plain(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode quoted(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    private static SequenceNode list(List<String> values) {
        return new SequenceNode(Tag.SEQ, values.stream().<Node>map(UserActionsTable::plain).toList(),
                DumperOptions.FlowStyle.FLOW);
    }
}
