package org.lantern.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a policy document from YAML: checks it against the published JSON Schema
 * ({@code policy.schema.json}) and against the rules a schema cannot express (ids unique, every
 * referenced id defined, ticks consistent), then returns the immutable model. Every problem is
 * reported with the line and column of the YAML it concerns, since the people fixing a rejected
 * policy edit it as text.
 *
 * <p>Untrusted input is bounded: at most {@link #MAX_BYTES} bytes, no aliases of collections
 * (the "billion laughs" expansion), limited nesting. Only {@code true}/{@code false} are booleans,
 * so {@code yes}, {@code no} and times such as {@code 15:20} stay text (the YAML 1.1 surprises).
 *
 * <p>It also renames the school in a policy text ({@link #withSchoolName}): a preset carries the
 * name of the real school whose policy it reproduces, and a school puts it in force under its own.
 */
public final class PolicyParser {

    /** The largest document accepted, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1_000_000;

    private static final String SCHEMA_RESOURCE = "/org/lantern/policy/policy.schema.json";
    private static final JsonSchema SCHEMA = loadSchema();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private PolicyParser() {
    }

    /** The JSON Schema policy documents are validated against, as published. */
    public static String schema() {
        try (InputStream in = PolicyParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates a policy document.
     *
     * @throws PolicyValidationException listing every problem found, with lines
     */
    public static PolicyDocument parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw single("the policy document is empty");
        }
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw single("the policy document is larger than " + MAX_BYTES / 1_000_000 + " MB");
        }
        Node root = compose(yaml);
        Map<String, Mark> marks = new HashMap<>();
        List<PolicyError> errors = new ArrayList<>();
        JsonNode tree = toJson(root, "", marks, errors);
        if (errors.isEmpty()) {
            for (ValidationMessage message : SCHEMA.validate(tree)) {
                errors.add(schemaError(message, marks));
            }
        }
        if (errors.isEmpty()) {
            PolicyDocument document;
            try {
                document = MAPPER.treeToValue(tree, PolicyDocument.class);
            } catch (IOException | IllegalArgumentException e) {
                throw single("the policy document cannot be read: " + e.getMessage());
            }
            errors.addAll(new ReferenceCheck(marks).check(document));
            if (errors.isEmpty()) {
                return document;
            }
        }
        errors.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
        throw new PolicyValidationException(errors);
    }

    /**
     * The policy text with the school's name replaced and everything else (comments, layout,
     * order) as it was, so that renaming the school is one changed line in the policy's history.
     * The name is written double-quoted, so no name can be read as anything but text.
     *
     * @throws PolicyValidationException if {@code yaml} is not a valid policy
     * @throws IllegalArgumentException  if {@code name} is blank or not a single line
     */
    public static String withSchoolName(String yaml, String name) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a school's name is one line of text");
        }
        parse(yaml);
        ScalarNode value = (ScalarNode) valueOf(valueOf(compose(yaml), "school"), "name");
        // Marks count code points, not Java chars.
        int start = yaml.offsetByCodePoints(0, value.getStartMark().getIndex());
        int end = yaml.offsetByCodePoints(0, value.getEndMark().getIndex());
        // A block scalar (name: |) ends after its line break, which the next field needs.
        while (end > start && Character.isWhitespace(yaml.charAt(end - 1))) {
            end--;
        }
        String quoted = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return yaml.substring(0, start) + quoted + yaml.substring(end);
    }

    /** The value of {@code key} in a mapping that {@link #parse} has already found to have it. */
    private static Node valueOf(Node mapping, String key) {
        return ((MappingNode) mapping).getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst().orElseThrow().getValueNode();
    }

    private static PolicyValidationException single(String message) {
        return new PolicyValidationException(List.of(new PolicyError(0, 0, "", message)));
    }

    private static Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_BYTES);
        Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new StrictResolver());
        try {
            Node root = parser.compose(new StringReader(yaml));
            if (root == null) {
                throw single("the policy document is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new PolicyValidationException(List.of(mark == null
                    ? new PolicyError(0, 0, "", "malformed YAML: " + problem)
                    : new PolicyError(mark.getLine() + 1, mark.getColumn() + 1, "", "malformed YAML: " + problem)));
        } catch (YAMLException e) {
            throw single("malformed YAML: " + e.getMessage());
        }
    }

    private static JsonNode toJson(Node node, String path, Map<String, Mark> marks, List<PolicyError> errors) {
        marks.put(path, node.getStartMark());
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = f.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    errors.add(at(tuple.getKeyNode().getStartMark(), path, "keys must be plain text"));
                    continue;
                }
                String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (object.has(key.getValue())) {
                    errors.add(at(key.getStartMark(), childPath, "duplicate key \"" + key.getValue() + "\""));
                    continue;
                }
                object.set(key.getValue(), toJson(tuple.getValueNode(), childPath, marks, errors));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = f.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(toJson(items.get(i), path + "[" + i + "]", marks, errors));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(Boolean.parseBoolean(value));
        }
        if (Tag.INT.equals(tag)) {
            return f.numberNode(new BigInteger(value));
        }
        if (Tag.FLOAT.equals(tag)) {
            return f.numberNode(Double.parseDouble(value));
        }
        return f.textNode(value);
    }

    private static PolicyError at(Mark mark, String path, String message) {
        return new PolicyError(mark.getLine() + 1, mark.getColumn() + 1, path, message);
    }

    private static PolicyError schemaError(ValidationMessage message, Map<String, Mark> marks) {
        String path = path(message.getInstanceLocation());
        String text = message.getError();
        if ("enum".equals(message.getType())) {
            JsonNode allowed = message.getSchemaNode();
            if (allowed != null && allowed.has("enum")) {
                allowed = allowed.get("enum");
            }
            String choices = allowed == null ? "" : StreamSupport.stream(allowed.spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.joining(", "));
            text = message.getInstanceNode() + " is not one of " + choices;
        } else if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
            text = "\"" + message.getProperty() + "\" is not a field here";
        }
        return locate(marks, path, text);
    }

    static PolicyError locate(Map<String, Mark> marks, String path, String message) {
        String probe = path;
        while (!marks.containsKey(probe) && !probe.isEmpty()) {
            int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
            probe = cut < 0 ? "" : probe.substring(0, cut);
        }
        Mark mark = marks.get(probe);
        return mark == null ? new PolicyError(0, 0, path, message) : at(mark, path, message);
    }

    private static String path(JsonNodePath location) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = PolicyParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves plain scalars the YAML 1.2 way: only true/false, numbers and null are not text. */
    private static final class StrictResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?[0-9]+\\.[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null)$"), "~n");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }

    /** The rules the schema cannot express: ids unique, references defined, ticks coherent. */
    private static final class ReferenceCheck {
        private final Map<String, Mark> marks;
        private final List<PolicyError> errors = new ArrayList<>();

        ReferenceCheck(Map<String, Mark> marks) {
            this.marks = marks;
        }

        List<PolicyError> check(PolicyDocument d) {
            Set<String> groups = unique("groups", d.groups().stream().map(Group::id).toList());
            Set<String> categories = unique("categories", d.categories().stream().map(Category::id).toList());
            Set<String> windows = unique("windows", d.windows().stream().map(TimeWindow::id).toList());
            unique("activities", d.activities().stream().map(Activity::id).toList());
            for (int w = 0; w < d.windows().size(); w++) {
                List<TimeWindow.Slot> slots = d.windows().get(w).slots();
                for (int s = 0; s < slots.size(); s++) {
                    if (!slots.get(s).to().isAfter(slots.get(s).from())) {
                        error("windows[" + w + "].slots[" + s + "].to", "must be later than \"from\"");
                    }
                }
            }
            for (int i = 0; i < d.activities().size(); i++) {
                Activity a = d.activities().get(i);
                String p = "activities[" + i + "]";
                refs(p + ".categories", a.categories(), categories, "category");
                refs(p + ".nominated", a.nominated(), groups, "group");
                ticks(p, a.levels(), a.windows(), windows);
                if (a.levels().contains(Level.ACCEPTABLE_FOR_NOMINATED_USERS) && a.nominated().isEmpty()) {
                    error(p + ".nominated", "say which groups are the nominated users");
                }
                if (!a.nominated().isEmpty() && !a.levels().contains(Level.ACCEPTABLE_FOR_NOMINATED_USERS)) {
                    error(p + ".nominated", "nominated users are named but \"acceptable-for-nominated-users\" is not ticked");
                }
                for (int o = 0; o < a.overrides().size(); o++) {
                    Activity.GroupOverride override = a.overrides().get(o);
                    String op = p + ".overrides[" + o + "]";
                    refs(op + ".groups", override.groups(), groups, "group");
                    ticks(op, override.levels(), override.windows(), windows);
                    if (override.levels().contains(Level.ACCEPTABLE_FOR_NOMINATED_USERS)) {
                        error(op + ".levels", "an override already names its groups; tick \"acceptable\" instead of "
                                + "\"acceptable-for-nominated-users\"");
                    }
                }
            }
            if (d.communications() != null) {
                Communications c = d.communications();
                Set<String> staff = unique("communications.staffColumns", c.staffColumns().stream().map(Column::id).toList());
                Set<String> pupils = unique("communications.pupilColumns", c.pupilColumns().stream().map(Column::id).toList());
                unique("communications.rows", c.rows().stream().map(Communications.Row::id).toList());
                for (int r = 0; r < c.rows().size(); r++) {
                    refs("communications.rows[" + r + "].staff", c.rows().get(r).staff(), staff, "staff column");
                    refs("communications.rows[" + r + "].pupils", c.rows().get(r).pupils(), pupils, "pupil column");
                }
            }
            if (d.mobileTechnologies() != null) {
                MobileTechnologies m = d.mobileTechnologies();
                Set<String> devices = unique("mobileTechnologies.devices",
                        m.devices().stream().map(MobileTechnologies.Device::id).toList());
                Set<String> notes = unique("mobileTechnologies.notes",
                        m.notes().stream().map(MobileTechnologies.Note::id).toList());
                unique("mobileTechnologies.rows", m.rows().stream().map(MobileTechnologies.Row::id).toList());
                for (int i = 0; i < m.devices().size(); i++) {
                    String note = m.devices().get(i).note();
                    if (note != null) {
                        refs("mobileTechnologies.devices[" + i + "].note", List.of(note), notes, "note");
                    }
                }
                for (int r = 0; r < m.rows().size(); r++) {
                    MobileTechnologies.Row row = m.rows().get(r);
                    String p = "mobileTechnologies.rows[" + r + "]";
                    refs(p + ".yes", row.yes(), devices, "device");
                    refs(p + ".no", row.no(), devices, "device");
                    refs(p + ".notes", List.copyOf(row.notes().keySet()), devices, "device");
                    refs(p + ".notes", List.copyOf(row.notes().values()), notes, "note");
                    row.yes().stream().filter(row.no()::contains).forEach(
                            id -> error(p + ".no", "device \"" + id + "\" is answered both Yes and No"));
                }
            }
            if (d.safeguarding() != null) {
                List<Safeguarding.Concern> concerns = d.safeguarding().concerns();
                unique("safeguarding.concerns", concerns.stream().map(Safeguarding.Concern::id).toList());
                for (int c = 0; c < concerns.size(); c++) {
                    unique("safeguarding.concerns[" + c + "].steps",
                            concerns.get(c).steps().stream().map(Safeguarding.Step::id).toList());
                }
            }
            TlsInspection tls = d.tlsInspectionInForce();
            refs("tlsInspection.exemptCategories", tls.exemptCategories(), categories, "category");
            if (!tls.enabled() && !tls.exemptCategories().isEmpty()) {
                error("tlsInspection.exemptCategories", "categories are exempt from TLS inspection, but it is not enabled: "
                        + "set \"enabled: true\" or leave the list out");
            }
            if (d.monitoringInForce().typedText() && !tls.enabled()) {
                error("monitoring.typedText", "reading what pupils type into web pages needs TLS inspection (the proxies "
                        + "see nothing inside an encrypted connection): set \"tlsInspection: {enabled: true}\" if the "
                        + "school's proxies decrypt HTTPS, or \"typedText: false\"");
            }
            if (d.sanctions() != null) {
                table("sanctions.pupil", d.sanctions().pupil());
                table("sanctions.staff", d.sanctions().staff());
            }
            return errors;
        }

        private void table(String path, Sanctions.Table table) {
            if (table == null) {
                return;
            }
            Set<String> columns = unique(path + ".columns", table.columns().stream().map(Column::id).toList());
            List<String> incidents = new ArrayList<>();
            for (int p = 0; p < table.parts().size(); p++) {
                Sanctions.Part part = table.parts().get(p);
                String pp = path + ".parts[" + p + "]";
                refs(pp + ".columns", part.columns(), columns, "column");
                for (int i = 0; i < part.incidents().size(); i++) {
                    Sanctions.Incident incident = part.incidents().get(i);
                    incidents.add(incident.id());
                    refs(pp + ".incidents[" + i + "].actions", incident.actions(), Set.copyOf(part.columns()),
                            "column of this part");
                }
            }
            if (incidents.size() != Set.copyOf(incidents).size()) {
                error(path, "incident ids must be unique across the table's parts");
            }
        }

        private void ticks(String path, List<Level> levels, List<String> windowIds, Set<String> windows) {
            refs(path + ".windows", windowIds, windows, "window");
            for (Level alone : List.of(Level.ACCEPTABLE, Level.UNACCEPTABLE_AND_ILLEGAL)) {
                if (levels.contains(alone) && levels.size() > 1) {
                    error(path + ".levels", "\"" + alone.id() + "\" cannot be ticked together with other levels");
                }
            }
            boolean times = levels.contains(Level.ACCEPTABLE_AT_CERTAIN_TIMES);
            if (times && windowIds.isEmpty()) {
                error(path + ".windows", "say which windows \"acceptable-at-certain-times\" means");
            }
            if (!times && !windowIds.isEmpty()) {
                error(path + ".windows", "windows are named but \"acceptable-at-certain-times\" is not ticked");
            }
        }

        private Set<String> unique(String path, List<String> ids) {
            Set<String> seen = new java.util.LinkedHashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!seen.add(ids.get(i))) {
                    error(path + "[" + i + "].id", "duplicate id \"" + ids.get(i) + "\"");
                }
            }
            return seen;
        }

        private void refs(String path, List<String> ids, Set<String> defined, String what) {
            for (int i = 0; i < ids.size(); i++) {
                if (!defined.contains(ids.get(i))) {
                    error(path + "[" + i + "]", "unknown " + what + " \"" + ids.get(i) + "\"");
                }
            }
        }

        private void error(String path, String message) {
            errors.add(locate(marks, path, message));
        }
    }
}
