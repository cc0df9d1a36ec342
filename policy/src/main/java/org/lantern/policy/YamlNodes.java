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
 * Edits of the policy's YAML as a node tree, shared by the tables edited as grids
 * ({@link UserActionsTable}, {@link SanctionsTable}): the text is composed with its comments,
 * only the values that changed are replaced, and it is written back in the presets' layout, so
 * an unchanged cell stays byte for byte as it was.
 */
final class YamlNodes {

    private YamlNodes() {
    }

    /** The policy text composed as nodes, comments included. */
    static Node compose(String yaml) {
        return yaml().compose(new StringReader(yaml));
    }

    /** The node tree written back as text. */
    static String serialize(Node root) {
        StringWriter out = new StringWriter();
        yaml().serialize(root, out);
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

    /** The value of {@code key} in {@code node}, or null where the node is no mapping or has no such key. */
    static Node valueOf(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .map(NodeTuple::getValueNode).findFirst().orElse(null);
    }

    /** The rows of a sequence of mappings by their {@code id}, in order. */
    static Map<String, MappingNode> byId(SequenceNode rows) {
        Map<String, MappingNode> byId = new LinkedHashMap<>();
        for (Node row : rows.getValue()) {
            if (row instanceof MappingNode mapping && valueOf(mapping, "id") instanceof ScalarNode id) {
                byId.put(id.getValue(), mapping);
            }
        }
        return byId;
    }

    /** A new block-style row holding only its id, appended to {@code rows}. */
    static MappingNode append(SequenceNode rows, String id) {
        MappingNode node = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        set(node, "id", plain(id));
        rows.getValue().add(node);
        return node;
    }

    /** The error of a policy that lacks the table a grid edits. */
    static PolicyValidationException missing(String path, String table) {
        return new PolicyValidationException(List.of(new PolicyError(0, 0, path,
                "the policy has no " + table + " (" + path + ") to edit")));
    }

    /**
     * Replaces the value of {@code key}, keeping an unchanged value's own style, or adds the key;
     * an empty list is not added where the row had no such key, as it means the same.
     */
    static void set(MappingNode mapping, String key, Node value) {
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

    static ScalarNode plain(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    static ScalarNode quoted(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    /** A flow-style list of plain values, as the presets write ids. */
    static SequenceNode list(List<String> values) {
        return new SequenceNode(Tag.SEQ, values.stream().<Node>map(YamlNodes::plain).toList(),
                DumperOptions.FlowStyle.FLOW);
    }
}
