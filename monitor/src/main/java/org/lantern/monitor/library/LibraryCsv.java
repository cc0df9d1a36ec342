package org.lantern.monitor.library;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantern.monitor.text.Normaliser;

/**
 * Reads a library from CSV, the format the DSL edits in a spreadsheet and imports. The first line
 * names the columns ({@link #REQUIRED} in any order, plus any of {@link #OPTIONAL}); lines starting
 * with {@code #} are comments. Every line is checked and every problem reported with its line
 * number; a file with any problem loads nothing.
 */
public final class LibraryCsv {

    /** Columns every library has. */
    public static final List<String> REQUIRED = List.of(
            "phrase", "category", "language", "level", "rule", "help_seeking", "identity", "source", "licence");
    /** Columns a library may have: the term list, and a level per age band. */
    public static final List<String> OPTIONAL = List.of("list", "primary", "ks3", "ks4", "post16", "staff");

    /**
     * Longest phrase accepted, in characters as written. Phrases are words, not documents: a
     * longer one is a pasting mistake, and refusing it keeps the automaton small.
     */
    public static final int MAX_PHRASE = 200;
    /** Shortest phrase accepted, in characters of its matching form: one letter would match everywhere. */
    public static final int MIN_PHRASE = 2;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final Pattern LIST = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Normaliser NORMALISER = new Normaliser();

    private LibraryCsv() {}

    /**
     * @param csv     the library file
     * @param name    the library's name, shown with every match
     * @param version its version
     * @return the library, whole
     * @throws LibraryFormatException listing every bad line, when any is bad
     * @throws IOException            if the reader fails
     */
    public static PhraseLibrary read(Reader csv, String name, String version) throws LibraryFormatException, IOException {
        List<String> errors = new ArrayList<>();
        List<PhraseEntry> entries = parse(csv, errors);
        checkLists(entries, entries, errors);
        if (!errors.isEmpty()) {
            throw new LibraryFormatException(errors);
        }
        return new PhraseLibrary(name, version, entries);
    }

    /**
     * Reads entries that are to join a library (a school's additions, an import checked against
     * the phrases already in force): every line is checked as {@link #read} does, and the lists
     * their rules name must be lists of these entries or of {@code others}.
     *
     * @param csv        the entries, with a header line
     * @param others     entries whose lists the rules may also name
     * @param checkLists false for entries checked whole before (stored ones), whose lists are
     *                   checked again when the libraries are put together
     * @return the entries, in file order
     * @throws LibraryFormatException listing every bad line, when any is bad
     * @throws IOException            if the reader fails
     */
    public static List<PhraseEntry> readEntries(Reader csv, List<PhraseEntry> others, boolean checkLists)
            throws LibraryFormatException, IOException {
        List<String> errors = new ArrayList<>();
        List<PhraseEntry> entries = parse(csv, errors);
        if (checkLists) {
            List<PhraseEntry> all = new ArrayList<>(entries);
            all.addAll(others);
            checkLists(entries, all, errors);
        }
        if (!errors.isEmpty()) {
            throw new LibraryFormatException(errors);
        }
        return entries;
    }

    /**
     * Checks the lists a library's rules name when its term lists may be in other files: one file of
     * a category kept in several.
     *
     * @param entries a library's entries, read with {@link #readEntries} without checking lists
     * @param all     every entry whose list the rules may name, these included
     * @throws LibraryFormatException listing every rule that names a list no entry belongs to
     */
    public static void checkLists(List<PhraseEntry> entries, List<PhraseEntry> all) throws LibraryFormatException {
        List<String> errors = new ArrayList<>();
        checkLists(entries, all, errors);
        if (!errors.isEmpty()) {
            throw new LibraryFormatException(errors);
        }
    }

    /** @return every column, in the order {@link #row} writes them */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(REQUIRED);
        columns.addAll(OPTIONAL);
        return columns;
    }

    /**
     * @param entry an entry
     * @return its cells in {@link #columns()} order, as {@link #read} reads them back (written
     *         by the server's formula-safe CSV writer, whose apostrophes the reader removes)
     */
    public static List<String> row(PhraseEntry entry) {
        List<String> row = new ArrayList<>(List.of(entry.phrase(), entry.category().id(), entry.language(),
                entry.rule().term() && entry.levels().level() == 0 ? "" : Integer.toString(entry.levels().level()),
                entry.rule().text(), Boolean.toString(entry.helpSeeking()), Boolean.toString(entry.identity()),
                entry.source(), entry.licence(), entry.list()));
        for (AgeBand band : AgeBand.values()) {
            int level = entry.levels().level(band);
            row.add(level == entry.levels().level() ? "" : Integer.toString(level));
        }
        return row;
    }

    private static List<PhraseEntry> parse(Reader csv, List<String> errors) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<PhraseEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        // The parser counts the line breaks it has read; ending the text with one makes that the
        // line a record ends on, also for a last line written without one.
        String text = slurp(csv);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (!checkHeader(header, errors)) {
                return entries;
            }
            int line = 1;
            try {
                for (CSVRecord record : parser) {
                    line = CsvLines.firstLine(parser, record);
                    PhraseEntry entry = entry(record, line, header.size(), errors, seen);
                    if (entry != null) {
                        entries.add(entry);
                    }
                }
            } catch (UncheckedIOException e) {
                errors.add("line " + (line + 1) + ": unreadable CSV (" + e.getCause().getMessage()
                        + "); nothing after it was read");
            }
        } catch (IllegalArgumentException e) {
            errors.add("line 1: " + e.getMessage());
        } catch (UncheckedIOException e) {
            errors.add("line 1: unreadable CSV (" + e.getCause().getMessage() + ")");
        }
        return entries;
    }

    private static String slurp(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private static boolean checkHeader(List<String> header, List<String> errors) {
        if (header.isEmpty()) {
            errors.add("line 1: no header; the first line names the columns: " + String.join(",", REQUIRED));
            return false;
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add("line 1: missing column '" + column + "'");
            }
        }
        Set<String> named = new HashSet<>();
        for (String column : header) {
            if (!named.add(column)) {
                errors.add("line 1: column '" + column + "' appears twice");
            }
        }
        for (String column : header) {
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                errors.add("line 1: unknown column '" + column + "'");
            }
        }
        return errors.isEmpty();
    }

    /**
     * @return the matching form of a phrase with gaps, its parts' matching forms joined by
     *         {@link PhraseGaps#GAP}, or null with an error when a part is empty or there are too many
     */
    private static String gapped(String phrase, int line, List<String> errors) {
        List<String> parts = PhraseGaps.parts(phrase);
        if (parts.size() > PhraseGaps.MAX_PARTS) {
            errors.add("line " + line + ": phrase '" + phrase + "' has " + (parts.size() - 1) + " gaps; at most "
                    + (PhraseGaps.MAX_PARTS - 1));
            return null;
        }
        if (parts.stream().anyMatch(part -> NORMALISER.normalise(part).text().isEmpty())) {
            errors.add("line " + line + ": phrase '" + phrase + "' has a gap ('...') with no words on one side");
            return null;
        }
        return PhraseGaps.matchingForm(phrase);
    }

    private static PhraseEntry entry(CSVRecord record, int line, int columns, List<String> errors, Map<String, Integer> seen) {
        int before = errors.size();
        if (record.size() != columns) {
            errors.add("line " + line + ": " + record.size() + " fields, the header has " + columns);
            return null;
        }
        String phrase = text(record, "phrase");
        String normal = null;
        if (phrase.isEmpty()) {
            errors.add("line " + line + ": empty phrase");
        } else if (phrase.length() > MAX_PHRASE) {
            errors.add("line " + line + ": phrase of " + phrase.length() + " characters; at most " + MAX_PHRASE);
        } else if (PhraseGaps.parts(phrase).size() > 1) {
            normal = gapped(phrase, line, errors);
        } else {
            normal = PhraseGaps.matchingForm(phrase);
            if (normal.codePointCount(0, normal.length()) < MIN_PHRASE) {
                errors.add("line " + line + ": phrase '" + phrase + "' is " + (normal.isEmpty() ? "no letters or digits"
                        : "one character ('" + normal + "')") + " once normalised; at least " + MIN_PHRASE + " are needed");
                normal = null;
            }
        }
        if (normal != null) {
            Optional<String> open = PhraseGaps.openProblem(phrase);
            if (open.isPresent()) {
                errors.add("line " + line + ": phrase '" + phrase + "': " + open.get());
                normal = null;
            }
        }
        Category category = Category.ofId(record.get("category")).orElse(null);
        if (category == null) {
            errors.add("line " + line + ": unknown category '" + record.get("category") + "'; one of " + Category.ids());
        }
        String language = record.get("language");
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add("line " + line + ": language '" + language + "' is not a language code such as en, fr, pl");
        }
        Rule rule = null;
        try {
            rule = Rule.parse(text(record, "rule"));
        } catch (IllegalArgumentException e) {
            errors.add("line " + line + ": " + e.getMessage());
        }
        Boolean helpSeeking = flag(record, "help_seeking", line, errors);
        Boolean identity = flag(record, "identity", line, errors);
        if (Boolean.TRUE.equals(identity) && rule != null && !rule.term()) {
            errors.add("line " + line + ": identity terms never alert on their own, so their rule is 'term', not '" + rule + "'");
        }
        Levels levels = levels(record, line, rule != null && rule.term(), errors);
        String list = record.isMapped("list") && !record.get("list").isEmpty() ? record.get("list")
                : category == null ? "" : category.id();
        if (!list.isEmpty() && !LIST.matcher(list).matches()) {
            errors.add("line " + line + ": list '" + list + "': lower-case letters, digits and '-'");
        }
        String source = text(record, "source");
        String licence = text(record, "licence");
        if (source.isEmpty()) {
            errors.add("line " + line + ": empty source; say where the phrase came from");
        }
        if (licence.isEmpty()) {
            errors.add("line " + line + ": empty licence");
        }
        if (normal != null && rule != null && normal.contains(PhraseGaps.GAP) && !rule.notIn().isEmpty()) {
            errors.add("line " + line + ": a phrase with a gap ('...') takes no not-in contexts; write the contexts' words as a not-with list");
        } else if (normal != null && rule != null && PhraseGaps.hasOpenWord(phrase) && !rule.notIn().isEmpty()) {
            errors.add("line " + line + ": a phrase ending in an open word ('" + PhraseGaps.OPEN
                    + "') takes no not-in contexts; write the contexts' words as a not-with list");
        } else if (normal != null && rule != null) {
            for (String context : rule.notIn()) {
                String normalContext = NORMALISER.normalise(context).text();
                if (!(" " + normalContext + " ").contains(" " + normal + " ")) {
                    errors.add("line " + line + ": context '" + context + "' does not contain the phrase '" + phrase + "'");
                }
            }
        }
        if (normal != null && category != null) {
            String key = normal + '\u0000' + category.id() + '\u0000' + language;
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                errors.add("line " + line + ": same phrase, category and language as line " + first
                        + " (phrases are compared normalised: '" + normal + "')");
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new PhraseEntry(phrase, category, language, levels, rule, helpSeeking, identity, list, source, licence, line);
    }

    /**
     * A text cell, without the apostrophe a formula-safe export puts before a leading {@code =},
     * {@code +}, {@code -} or {@code @}: an exported library imports back as it was.
     */
    private static String text(CSVRecord record, String column) {
        String value = record.get(column);
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    private static Boolean flag(CSVRecord record, String column, int line, List<String> errors) {
        String value = record.get(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> {
                errors.add("line " + line + ": " + column + " '" + record.get(column) + "' is not true or false");
                yield null;
            }
        };
    }

    private static Levels levels(CSVRecord record, int line, boolean term, List<String> errors) {
        String text = record.get("level");
        Levels levels;
        if (text.isEmpty() && term) {
            levels = Levels.of(0);
        } else {
            Integer level = number(text, 1, "level", line, errors);
            if (level == null) {
                return null;
            }
            levels = Levels.of(level);
        }
        for (AgeBand band : AgeBand.values()) {
            if (record.isMapped(band.id()) && !record.get(band.id()).isEmpty()) {
                Integer level = number(record.get(band.id()), 0, band.id(), line, errors);
                if (level != null) {
                    levels = levels.with(band, level);
                }
            }
        }
        return levels;
    }

    private static Integer number(String text, int min, String column, int line, List<String> errors) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= Levels.MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        errors.add("line " + line + ": " + column + " '" + text + "' is not a level from " + min + " to " + Levels.MAX);
        return null;
    }

    /** Every list a rule of {@code entries} names must be the list of some phrase of {@code all}. */
    private static void checkLists(List<PhraseEntry> entries, List<PhraseEntry> all, List<String> errors) {
        Set<String> lists = new HashSet<>();
        for (PhraseEntry entry : all) {
            lists.add(entry.list());
        }
        for (PhraseEntry entry : entries) {
            for (String list : List.of(entry.rule().withList(), entry.rule().notWithList(), entry.rule().raiseWithList()).stream()
                    .flatMap(java.util.Optional::stream).toList()) {
                if (!lists.contains(list)) {
                    errors.add("line " + entry.line() + ": rule '" + entry.rule() + "' names list '" + list
                            + "', which no phrase belongs to");
                }
            }
        }
        errors.sort(java.util.Comparator.comparingInt(LibraryCsv::lineOf));
    }

    private static int lineOf(String error) {
        int space = error.indexOf(':');
        try {
            return Integer.parseInt(error.substring("line ".length(), space));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
