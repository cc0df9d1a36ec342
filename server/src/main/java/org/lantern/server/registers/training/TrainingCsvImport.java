package org.lantern.server.registers.training;

import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterForms;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports training completions from a CSV file (a trainer's attendance list, an online course's
 * export): a header row naming the columns {@code course} (its code or title), one of
 * {@code person id}, {@code staff code} or {@code email}, {@code completed on} (2026-09-01 or
 * 01/09/2026) and optionally {@code evidence}. Every row is checked first; a file with any bad row
 * records nothing and lists each problem by its line number, so a corrected file can be imported
 * whole.
 */
@Service
public class TrainingCsvImport {

    static final int MAX_ROWS = 5_000;

    private final JdbcClient jdbc;
    private final TrainingCourses courses;
    private final TrainingRegister register;
    private final TrainingCompletions completions;

    TrainingCsvImport(JdbcClient jdbc, TrainingCourses courses, TrainingRegister register,
                      TrainingCompletions completions) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.register = register;
        this.completions = completions;
    }

    /**
     * One checked row.
     *
     * @param line        its line number in the file
     * @param course      the course
     * @param personId    who
     * @param completedOn when
     * @param evidence    the evidence note, possibly blank
     */
    public record Row(int line, Course course, long personId, LocalDate completedOn, String evidence) {
    }

    /**
     * Checks every row of {@code content} and, when all are good, records them all.
     *
     * @return how many completions were recorded
     * @throws RegisterException listing every problem, each with its line number; nothing was recorded
     */
    public int importCsv(byte[] content, String actor, LocalDate today) {
        List<Row> rows = check(content, today);
        return completions.recordAll(rows, actor).size();
    }

    /**
     * Reads and checks a file without recording anything.
     *
     * @throws RegisterException listing every problem, each with its line number
     */
    List<Row> check(byte[] content, LocalDate today) {
        String text = content == null ? "" : new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (!text.endsWith("\n")) {
            // The parser counts a line only once it ends, and the last line's number must be right too.
            text = text + "\n";
        }
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = normalised(parser.getHeaderMap());
            Integer course = header.get("course");
            Integer personId = header.get("personid");
            Integer staffCode = header.get("staffcode");
            Integer email = header.get("email");
            Integer on = header.get("completedon");
            Integer evidence = header.get("evidence");
            if (course == null || on == null || (personId == null && staffCode == null && email == null)) {
                throw RegisterException.of("Line 1: the header must name the columns course, completed on, and one of "
                        + "person id, staff code or email (evidence is optional).");
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add("Line " + line + ": a file may hold at most " + MAX_ROWS + " rows; split it.");
                    break;
                }
                List<String> rowProblems = new ArrayList<>();
                Optional<Course> c = courseOf(cell(record, course));
                if (c.isEmpty()) {
                    rowProblems.add("there is no course '" + cell(record, course) + "'");
                }
                Optional<Trainee> who = personOf(cell(record, personId), cell(record, staffCode), cell(record, email),
                        today, rowProblems);
                LocalDate date = date(cell(record, on), rowProblems);
                if (date != null) {
                    TrainingCompletions.checkDate(date, today).forEach(p -> rowProblems.add(lowerFirst(p)));
                }
                String note = cell(record, evidence);
                if (note.length() > TrainingCompletions.MAX_EVIDENCE) {
                    rowProblems.add("the evidence is " + note.length() + " characters long; at most "
                            + TrainingCompletions.MAX_EVIDENCE);
                }
                if (rowProblems.isEmpty()) {
                    Trainee t = who.orElseThrow();
                    if (c.get().roles().stream().noneMatch(r -> t.trainingRole().orElseThrow() == r)) {
                        rowProblems.add(t.name() + " is not among those who take " + c.get().title());
                    } else if (!seen.add(c.get().id() + ":" + t.personId() + ":" + date)) {
                        rowProblems.add("this completion is already on an earlier line");
                    } else if (completions.recorded(c.get().id(), t.personId(), date, null)) {
                        rowProblems.add(t.name() + "'s " + c.get().title() + " on " + date + " is already recorded");
                    }
                }
                if (rowProblems.isEmpty()) {
                    rows.add(new Row(line, c.get(), who.orElseThrow().personId(), date, note));
                } else {
                    problems.add("Line " + line + ": " + String.join("; ", rowProblems) + ".");
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw RegisterException.of("The file could not be read as CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw RegisterException.of("The file could not be read as CSV: " + e.getCause().getMessage());
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("The file has no rows under its header: nothing to import.");
        }
        if (!problems.isEmpty()) {
            problems.add(0, "Nothing was imported. Correct these lines and import the whole file again:");
        }
        RegisterException.refuseIfAny(problems);
        return rows;
    }

    private Optional<Course> courseOf(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return courses.findByCode(name.replace(' ', '_')).or(() -> courses.list().stream()
                .filter(c -> c.title().equalsIgnoreCase(name)).findFirst());
    }

    private Optional<Trainee> personOf(String id, String staffCode, String email, LocalDate today,
                                       List<String> problems) {
        Long personId = null;
        String given;
        if (!id.isEmpty()) {
            given = "person id " + id;
            try {
                personId = Long.parseLong(id);
            } catch (NumberFormatException e) {
                problems.add("'" + id + "' is not a person id");
                return Optional.empty();
            }
        } else if (!staffCode.isEmpty()) {
            given = "staff code " + staffCode;
            personId = only(jdbc.sql("SELECT id FROM person WHERE UPPER(staff_code) = :c")
                    .param("c", staffCode.toUpperCase(Locale.ROOT)).query(Long.class).list());
        } else if (!email.isEmpty()) {
            given = "email " + email;
            personId = only(jdbc.sql("SELECT id FROM person WHERE LOWER(email) = :e")
                    .param("e", email.toLowerCase(Locale.ROOT)).query(Long.class).list());
        } else {
            problems.add("no person id, staff code or email");
            return Optional.empty();
        }
        Optional<Trainee> trainee = personId == null ? Optional.empty() : register.trainee(personId, today);
        if (trainee.isEmpty()) {
            problems.add("no member of staff or governor on roll has " + given);
        }
        return trainee;
    }

    private static Long only(List<Long> ids) {
        return ids.size() == 1 ? ids.getFirst() : null;
    }

    private static LocalDate date(String text, List<String> problems) {
        if (text.isEmpty()) {
            problems.add("no completion date");
            return null;
        }
        try {
            return RegisterForms.pickerOrSpreadsheetDate(text);
        } catch (DateTimeParseException e) {
            problems.add("'" + text + "' is not a date (use 2026-09-01 or 01/09/2026)");
            return null;
        }
    }

    private static String cell(CSVRecord record, Integer column) {
        return column == null || column >= record.size() ? "" : record.get(column).strip();
    }

    private static Map<String, Integer> normalised(Map<String, Integer> header) {
        Map<String, Integer> names = new TreeMap<>();
        header.forEach((name, index) -> names.putIfAbsent(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""), index));
        return names;
    }

    private static String lowerFirst(String sentence) {
        String s = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
