package org.lantern.server.people;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a school MIS export (CSV) into checked rows and a per-cell error report. It accepts the
 * header spellings of {@link MisColumn}, a UTF-8 byte-order mark, Windows line endings, quoted
 * fields and blank lines; files that are not valid UTF-8 are read as Windows-1252, which is what
 * older MIS versions write. Values are kept as text: HTML in a name stays literal text here and is
 * escaped wherever it is shown.
 */
public final class MisCsvParser {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final LocalDate today;

    /** @param today the date "in the future" is judged against (dates of birth) */
    public MisCsvParser(LocalDate today) {
        this.today = today;
    }

    /** Parses the raw bytes of an uploaded file. */
    public ParsedFile parse(byte[] content) {
        return parse(decode(content));
    }

    /** Parses CSV text. */
    public ParsedFile parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> keysSeen = new HashSet<>();
        Map<MisColumn, Integer> index = new EnumMap<>(MisColumn.class);
        Map<MisColumn, String> headers = new EnumMap<>(MisColumn.class);
        int rowsRead = 0;
        int rowNumber = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> names = parser.getHeaderNames();
            rowNumber = 1;
            for (int i = 0; i < names.size(); i++) {
                int at = i;
                MisColumn.forHeader(names.get(i)).ifPresent(c -> {
                    if (!index.containsKey(c)) {
                        index.put(c, at);
                        headers.put(c, names.get(at));
                    }
                });
            }
            if (!index.containsKey(MisColumn.SURNAME) || !index.containsKey(MisColumn.FORENAME)) {
                errors.add(new RowError(1, "(header row)", String.join(",", names),
                        "the file needs a surname column (\"Legal Surname\" or \"Surname\") and a forename column"
                                + " (\"Legal Forename\" or \"Forename\")"));
                return new ParsedFile(List.of(), errors, index.keySet(), keysSeen, 0);
            }
            Duplicates duplicates = new Duplicates();
            for (CSVRecord record : parser) {
                rowNumber++;
                Row row = new Row(rowNumber, record, index, headers);
                if (row.isBlank()) {
                    continue;
                }
                rowsRead++;
                keysSeen.addAll(row.keys());
                ImportRow parsed = row.check(duplicates);
                if (row.errors.isEmpty()) {
                    rows.add(parsed);
                } else {
                    errors.addAll(row.errors);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Reading from a string fails only on malformed CSV, which leaves the parser unable to go
            // on: refuse the file, naming the row, rather than import part of it.
            errors.add(new RowError(rowNumber + 1, "(row)", "",
                    "not readable CSV: a quoted value must close its quote before the next comma or line end"
                            + " (a quote inside a value is written twice, \"\")"));
            return new ParsedFile(List.of(), errors, index.keySet(), keysSeen, rowsRead);
        } catch (IllegalArgumentException | IllegalStateException e) {
            errors.add(new RowError(1, "(file)", "", "the file is not readable CSV: " + e.getMessage()));
            return new ParsedFile(List.of(), errors, index.keySet(), keysSeen, rowsRead);
        }
        return new ParsedFile(List.copyOf(rows), List.copyOf(errors), Set.copyOf(index.keySet()),
                Set.copyOf(keysSeen), rowsRead);
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    /** Values that must be unique across the file, and the row each was first seen on. */
    private static final class Duplicates {
        private final Map<MisColumn, Map<String, Integer>> seen = new EnumMap<>(MisColumn.class);

        Integer firstRow(MisColumn column, String value, int row) {
            return seen.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(value.toLowerCase(Locale.ROOT), row);
        }
    }

    /** One record being checked; collects its errors. */
    private final class Row {
        private final int number;
        private final CSVRecord record;
        private final Map<MisColumn, Integer> index;
        private final Map<MisColumn, String> headers;
        private final List<RowError> errors = new ArrayList<>();

        Row(int number, CSVRecord record, Map<MisColumn, Integer> index, Map<MisColumn, String> headers) {
            this.number = number;
            this.record = record;
            this.index = index;
            this.headers = headers;
        }

        boolean isBlank() {
            for (String value : record) {
                if (!value.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            String upn = raw(MisColumn.UPN);
            if (upn != null) {
                keys.add("upn:" + Upn.normalise(upn));
            }
            String adno = raw(MisColumn.ADMISSION_NUMBER);
            if (adno != null) {
                keys.add("adno:" + adno);
            }
            String staffCode = raw(MisColumn.STAFF_CODE);
            if (staffCode != null) {
                keys.add("staff:" + staffCode.toUpperCase(Locale.ROOT));
            }
            String proxy = raw(MisColumn.PROXY_USERNAME);
            if (proxy != null) {
                keys.add("proxy:" + proxy.toLowerCase(Locale.ROOT));
            }
            return keys;
        }

        ImportRow check(Duplicates duplicates) {
            String surname = text(MisColumn.SURNAME);
            String forename = text(MisColumn.FORENAME);
            if (raw(MisColumn.SURNAME) == null) {
                error(MisColumn.SURNAME, "", "missing surname");
            }
            if (raw(MisColumn.FORENAME) == null) {
                error(MisColumn.FORENAME, "", "missing forename");
            }
            String upn = upn();
            String adno = text(MisColumn.ADMISSION_NUMBER);
            YearGroup year = year();
            String staffCode = text(MisColumn.STAFF_CODE);
            String jobTitle = text(MisColumn.JOB_TITLE);
            PersonKind kind = kind(upn, year, staffCode, jobTitle);
            LocalDate dob = date(MisColumn.DATE_OF_BIRTH);
            if (dob != null && dob.isAfter(today)) {
                error(MisColumn.DATE_OF_BIRTH, raw(MisColumn.DATE_OF_BIRTH), "date of birth is in the future");
            }
            LocalDate start = date(MisColumn.START_DATE);
            LocalDate leaving = date(MisColumn.LEAVING_DATE);
            if (start != null && leaving != null && leaving.isBefore(start)) {
                error(MisColumn.LEAVING_DATE, raw(MisColumn.LEAVING_DATE), "leaving date is before the start date");
            }
            String proxy = identity(MisColumn.PROXY_USERNAME, NetworkIdentityType.PROXY_USERNAME);
            String ip = identity(MisColumn.DEVICE_IP, NetworkIdentityType.DEVICE_IP);
            String mac = identity(MisColumn.DEVICE_MAC, NetworkIdentityType.DEVICE_MAC);
            String email = matching(MisColumn.EMAIL, EMAIL, "not an email address");
            unique(duplicates, MisColumn.UPN, upn, "duplicate UPN in file");
            unique(duplicates, MisColumn.ADMISSION_NUMBER, adno, "duplicate admission number in file");
            unique(duplicates, MisColumn.STAFF_CODE, staffCode, "duplicate staff code in file");
            unique(duplicates, MisColumn.PROXY_USERNAME, proxy, "duplicate proxy username in file");
            unique(duplicates, MisColumn.DEVICE_IP, ip, "duplicate device IP in file");
            unique(duplicates, MisColumn.DEVICE_MAC, mac, "duplicate device MAC in file");
            return new ImportRow(number, kind, forename, surname, text(MisColumn.PREFERRED_FORENAME), adno, upn, dob,
                    year, text(MisColumn.REG_GROUP), staffCode == null ? null : staffCode.toUpperCase(Locale.ROOT),
                    jobTitle, text(MisColumn.ROLE), email, start, leaving, proxy, ip, mac);
        }

        private PersonKind kind(String upn, YearGroup year, String staffCode, String jobTitle) {
            String type = raw(MisColumn.TYPE);
            if (type != null) {
                return PersonKind.parse(type).orElseGet(() -> {
                    error(MisColumn.TYPE, type, "unknown type (use Pupil, Staff, Governor or Visitor)");
                    return null;
                });
            }
            if (upn != null || year != null || raw(MisColumn.UPN) != null || raw(MisColumn.YEAR) != null) {
                return PersonKind.PUPIL;
            }
            if (staffCode != null || jobTitle != null) {
                return PersonKind.STAFF;
            }
            error(MisColumn.TYPE, "", "cannot tell whether this is a pupil or staff: add a Type column, a UPN or a year group");
            return null;
        }

        private String upn() {
            String value = text(MisColumn.UPN);
            if (value == null) {
                return null;
            }
            String upn = Upn.normalise(value);
            if (!Upn.hasValidShape(upn)) {
                error(MisColumn.UPN, value, "not a UPN (a check letter then 12 digits, or 11 digits and a letter)");
                return null;
            }
            if (!Upn.isValid(upn)) {
                error(MisColumn.UPN, value, "invalid UPN check letter (expected " + Upn.checkLetter(upn.substring(1)) + ")");
                return null;
            }
            return upn;
        }

        private YearGroup year() {
            String value = raw(MisColumn.YEAR);
            if (value == null) {
                return null;
            }
            return YearGroup.parse(value).orElseGet(() -> {
                error(MisColumn.YEAR, value, "unknown year group (use R for Reception or 1 to 13)");
                return null;
            });
        }

        private LocalDate date(MisColumn column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(column, value, "bad date (use dd/mm/yyyy or yyyy-mm-dd)");
                return null;
            }
        }

        private String identity(MisColumn column, NetworkIdentityType type) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return type.normalise(value).orElseGet(() -> {
                error(column, value, type.problem());
                return null;
            });
        }

        private String matching(MisColumn column, Pattern pattern, String reason) {
            String value = text(column);
            if (value != null && !pattern.matcher(value).matches()) {
                error(column, value, reason);
                return null;
            }
            return value;
        }

        private void unique(Duplicates duplicates, MisColumn column, String value, String reason) {
            if (value == null) {
                return;
            }
            Integer first = duplicates.firstRow(column, value, number);
            if (first != null) {
                error(column, value, reason + " (also on row " + first + ")");
            }
        }

        /** The trimmed cell, or null when empty or the column is absent. */
        private String raw(MisColumn column) {
            Integer at = index.get(column);
            if (at == null || at >= record.size()) {
                return null;
            }
            String value = record.get(at).strip();
            return value.isEmpty() ? null : value;
        }

        /** The cell, refused when longer than its column allows. */
        private String text(MisColumn column) {
            String value = raw(column);
            if (value != null && value.length() > column.maxLength()) {
                error(column, value, "too long (at most " + column.maxLength() + " characters)");
                return null;
            }
            return value;
        }

        private void error(MisColumn column, String value, String reason) {
            String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
            errors.add(new RowError(number, headers.getOrDefault(column, column.label()), shown, reason));
        }
    }
}
