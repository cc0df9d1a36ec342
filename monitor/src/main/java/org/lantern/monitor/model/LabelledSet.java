package org.lantern.monitor.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantern.monitor.library.Category;

/**
 * A set of labelled texts, read whole from its CSV or not at all: the evaluation sets the accuracy
 * benchmark scores and the corpus the {@link RiskModel} learns from share this format, and a set
 * with a bad line would measure or teach something other than what its author wrote, so every
 * bad line is named and nothing is read. Columns: {@code text, expected_level, expected_categories, help_seeking, identity,
 * language, kind, note} (any order; {@code note} optional); {@code #} lines are comments;
 * {@code \}{@code uXXXX} in a text is that character, so invisible ones can be written visibly.
 *
 * @param name  what the set is called in reports (its file name)
 * @param cases its texts, in file order
 */
public record LabelledSet(String name, List<LabelledText> cases) {

    private static final List<String> REQUIRED = List.of(
            "text", "expected_level", "expected_categories", "help_seeking", "identity", "language", "kind");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    public LabelledSet {
        cases = List.copyOf(cases);
    }

    /**
     * @param file a set's CSV file
     * @return the set, named after the file
     * @throws LabelledSetFormatException listing every bad line
     * @throws IOException            if the file cannot be read
     */
    public static LabelledSet read(Path file) throws LabelledSetFormatException, IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString());
        }
    }

    /**
     * @param csv  the set's CSV
     * @param name what to call it in reports
     * @return the set
     * @throws LabelledSetFormatException listing every bad line
     * @throws IOException            if the reader fails
     */
    public static LabelledSet read(Reader csv, String name) throws LabelledSetFormatException, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .get();
        List<String> errors = new ArrayList<>();
        List<LabelledText> cases = new ArrayList<>();
        // Ending the text with a line break makes the parser's line count, read after a record, the
        // line that record is on, also for a last line written without one.
        String text = new BufferedReader(csv).lines().collect(Collectors.joining("\n", "", "\n"));
        // A spreadsheet saving "CSV UTF-8" starts the file with a byte-order mark, which would
        // otherwise become part of the first column's name.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new LabelledSetFormatException(List.of("line 1: missing column(s) " + String.join(", ", missing)
                        + "; the header is " + String.join(",", REQUIRED) + ",note"));
            }
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                parse(record, line, errors).ifPresent(cases::add);
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            errors.add("unreadable CSV: " + e.getMessage() + "; nothing after it was read");
        }
        if (cases.isEmpty() && errors.isEmpty()) {
            errors.add("no texts: the set is empty");
        }
        if (!errors.isEmpty()) {
            throw new LabelledSetFormatException(errors);
        }
        return new LabelledSet(name, cases);
    }

    private static Optional<LabelledText> parse(CSVRecord record, int line, List<String> errors) {
        int before = errors.size();
        if (!record.isConsistent()) {
            errors.add("line " + line + ": " + record.size() + " fields, not one per header column");
            return Optional.empty();
        }
        String text = unescape(record.get("text"));
        if (text.isBlank()) {
            errors.add("line " + line + ": empty text");
        }
        int level = -1;
        String levelText = record.get("expected_level").strip();
        if (levelText.matches("[0-5]")) {
            level = Integer.parseInt(levelText);
        } else {
            errors.add("line " + line + ": expected_level '" + levelText + "' is not a level from 0 to 5");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String id : record.get("expected_categories").split("\\|")) {
            if (!id.isBlank()) {
                Category.ofId(id.strip()).ifPresentOrElse(categories::add, () -> errors.add("line " + line
                        + ": category '" + id.strip() + "' is not one of " + Category.ids()));
            }
        }
        Boolean helpSeeking = bool(record, "help_seeking", line, errors);
        Boolean identity = bool(record, "identity", line, errors);
        String language = record.get("language").strip();
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add("line " + line + ": language '" + language + "' is not a language code such as en or pt-br");
        }
        Optional<LabelledText.Kind> kind = LabelledText.Kind.ofId(record.get("kind").strip());
        if (kind.isEmpty()) {
            errors.add("line " + line + ": kind '" + record.get("kind").strip()
                    + "' is not risk, obfuscated, benign-lookalike, help-seeking or identity");
        }
        if (level >= LabelledText.ALERT && categories.isEmpty()) {
            errors.add("line " + line + ": level " + level + " needs at least one expected category");
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        String note = record.isMapped("note") ? record.get("note") : "";
        return Optional.of(new LabelledText(line, text, level, categories, helpSeeking, identity, language, kind.get(), note));
    }

    private static Boolean bool(CSVRecord record, String column, int line, List<String> errors) {
        String value = record.get(column).strip();
        if (!value.equals("true") && !value.equals("false")) {
            errors.add("line " + line + ": " + column + " '" + value + "' is not true or false");
            return Boolean.FALSE;
        }
        return Boolean.valueOf(value);
    }

    /** @return the text with every {@code \}{@code uXXXX} escape replaced by its character */
    static String unescape(String text) {
        Matcher escape = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        return escape.appendTail(out).toString();
    }
}
