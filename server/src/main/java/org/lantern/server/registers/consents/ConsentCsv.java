package org.lantern.server.registers.consents;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.lantern.server.registers.RegisterForms;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports consent forms from a CSV file: every line is checked first, and only a file without a
 * single problem is applied, in one transaction, so a bad line leaves the register as it was. Each
 * problem names its line (the header is line 1). Columns, in any order, case-insensitive:
 * {@code Person id} or {@code UPN}, {@code Use}, {@code Consent} (yes/no), {@code Given by},
 * {@code Given on}, and optionally {@code Pupil agreed} (yes/no/blank) and {@code Ends on}; dates as
 * 2025-09-03 or 3/9/2025. The export's columns are accepted, so an export can be filled in and read back.
 */
@Component
class ConsentCsv {

    static final int MAX_LINES = 20_000;

    private final People people;
    private final Consents consents;

    ConsentCsv(People people, Consents consents) {
        this.people = people;
        this.consents = consents;
    }

    /**
     * One line read.
     *
     * @param line     its line number
     * @param personId the pupil
     * @param form     the consent form
     */
    record Line(int line, long personId, ConsentForm form) {
    }

    /** Checks a whole file and, if nothing is wrong, records every line. */
    @Transactional
    public int importAll(byte[] content, String actor, LocalDate today) {
        List<Line> lines = read(content, today);
        for (Line l : lines) {
            consents.record(l.personId(), l.form(), null, null, actor, Consents.Mode.EITHER);
        }
        return lines.size();
    }

    /**
     * Reads and checks a file.
     *
     * @throws ConsentException listing every problem, each with its line number
     */
    List<Line> read(byte[] content, LocalDate today) {
        String text = new String(content == null ? new byte[0] : content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ConsentException.of("The file is empty: choose the CSV of consent forms.");
        }
        Map<Long, Person> byId = new HashMap<>();
        Map<String, Person> byUpn = new HashMap<>();
        for (Person p : people.list(PersonKind.PUPIL)) {
            byId.put(p.id(), p);
            if (p.upn() != null) {
                byUpn.put(p.upn().toUpperCase(Locale.ROOT), p);
            }
        }
        List<String> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = new ArrayList<>();
            if (!header.containsKey("person id") && !header.containsKey("upn")) {
                missing.add("Person id or UPN");
            }
            for (String column : List.of("Use", "Consent", "Given by", "Given on")) {
                if (!header.containsKey(column.toLowerCase(Locale.ROOT))) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw ConsentException.of("Line 1: the header has no column " + String.join(", ", missing)
                        + ". Nothing was imported.");
            }
            for (CSVRecord r : parser) {
                int line = (int) r.getRecordNumber() + 1;
                if (lines.size() + problems.size() >= MAX_LINES) {
                    problems.add("The file has more than " + MAX_LINES + " lines: split it.");
                    break;
                }
                List<String> here = new ArrayList<>();
                Person pupil = pupil(r, byId, byUpn, here);
                PhotoUse use = PhotoUse.parse(get(r, "use")).orElse(null);
                if (use == null) {
                    here.add("'" + get(r, "use") + "' is not a use: use website, social media, press, displays or class photos.");
                }
                Boolean granted = yesNo(get(r, "consent"), "Consent", false, here);
                Boolean pupilAgreed = yesNo(get(r, "pupil agreed"), "Pupil agreed", true, here);
                LocalDate givenOn = date(get(r, "given on"), "Given on", here);
                LocalDate endsOn = date(get(r, "ends on"), "Ends on", here);
                ConsentForm form = new ConsentForm(use, Boolean.TRUE.equals(granted), get(r, "given by"), pupilAgreed,
                        givenOn, endsOn);
                if (here.isEmpty()) {
                    here.addAll(form.problems(today));
                }
                if (here.isEmpty() && !seen.add(pupil.id() + "/" + use)) {
                    here.add(pupil.displayName() + "'s consent for " + use.label() + " is on an earlier line too.");
                }
                if (here.isEmpty()) {
                    lines.add(new Line(line, pupil.id(), form));
                } else {
                    here.forEach(p -> problems.add("Line " + line + ": " + p));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ConsentException.of("The file could not be read as CSV (" + e.getMessage() + "). Nothing was imported.");
        }
        if (!problems.isEmpty()) {
            problems.add("Nothing was imported: correct these lines and import the file again.");
            throw new ConsentException(problems, false);
        }
        if (lines.isEmpty()) {
            throw ConsentException.of("The file has a header but no consent lines.");
        }
        return lines;
    }

    private static Person pupil(CSVRecord r, Map<Long, Person> byId, Map<String, Person> byUpn, List<String> here) {
        String id = get(r, "person id");
        String upn = get(r, "upn");
        Optional<Person> found = Optional.empty();
        if (!id.isEmpty()) {
            try {
                found = Optional.ofNullable(byId.get(Long.parseLong(id)));
            } catch (NumberFormatException e) {
                here.add("'" + id + "' is not a person id.");
                return null;
            }
        } else if (!upn.isEmpty()) {
            found = Optional.ofNullable(byUpn.get(upn.toUpperCase(Locale.ROOT)));
        } else {
            here.add("Give the pupil's person id or UPN.");
            return null;
        }
        if (found.isEmpty()) {
            here.add("There is no pupil " + (id.isEmpty() ? "with UPN " + upn : id) + ".");
        }
        return found.orElse(null);
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    private static Boolean yesNo(String text, String column, boolean blankAllowed, List<String> here) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.isEmpty() && blankAllowed) {
            return null;
        }
        return switch (t) {
            case "yes", "y", "true", "given" -> true;
            case "no", "n", "false", "refused" -> false;
            default -> {
                here.add(column + " must be yes or no" + (blankAllowed ? " (or blank)" : "") + ", not '" + text + "'.");
                yield null;
            }
        };
    }

    /** A date as a date picker (2025-09-03) or a spreadsheet (3/9/2025) writes it; blank is null. */
    static LocalDate date(String text, String column, List<String> here) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return RegisterForms.pickerOrSpreadsheetDate(text);
        } catch (DateTimeParseException e) {
            here.add(column + " '" + text + "' is not a date: use 2025-09-03 or 3/9/2025.");
            return null;
        }
    }
}
