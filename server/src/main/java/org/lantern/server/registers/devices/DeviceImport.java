package org.lantern.server.registers.devices;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Imports devices from a CSV file with the header {@code type,make,model,serial,asset tag,location,state}
 * (any order, any case; model, asset tag, location and state may be left out). Every row is
 * checked first, against the register and the rest of the file: a bad row, a serial number or
 * asset tag already in the register or twice in the file, is reported with its line number, and
 * then nothing is entered at all. Only a file with no problem enters its devices, in one transaction.
 */
@Component
public class DeviceImport {

    static final int MAX_ROWS = 5000;
    private static final List<String> REQUIRED = List.of("type", "make", "serial");
    private static final Set<String> KNOWN = Set.of("type", "make", "model", "serial", "asset tag", "location", "state");

    private final Devices devices;

    DeviceImport(Devices devices) {
        this.devices = devices;
    }

    /**
     * What an import did or why it did nothing.
     *
     * @param entered  how many devices were entered (0 when there are problems)
     * @param problems every problem, each starting with its line number; empty when it was entered
     */
    public record Result(int entered, List<String> problems) {
    }

    /** Checks the whole file and enters its devices only when every row is good. */
    public Result importCsv(String text, String actor) {
        List<String> problems = new ArrayList<>();
        List<Row> rows = parse(text, problems);
        if (!problems.isEmpty()) {
            return new Result(0, problems);
        }
        List<DeviceFields.Checked> checked = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (Row row : rows) {
            List<String> own = new ArrayList<>();
            DeviceFields.Checked c = row.fields().check(own);
            own.forEach(p -> problems.add("Line " + row.line() + ": " + p));
            if (c.serialKey() != null && !c.serialKey().isEmpty()) {
                Long earlier = firstLine.putIfAbsent("serial:" + c.serialKey(), row.line());
                if (earlier != null) {
                    problems.add("Line " + row.line() + ": serial number " + c.serialNumber() + " is also on line "
                            + earlier + ".");
                }
            }
            if (c.assetTag() != null) {
                Long earlier = firstLine.putIfAbsent("tag:" + c.assetTag(), row.line());
                if (earlier != null) {
                    problems.add("Line " + row.line() + ": asset tag " + c.assetTag() + " is also on line " + earlier + ".");
                }
            }
            checked.add(c);
        }
        Map<String, Long> holders = devices.holdersOf(
                checked.stream().map(DeviceFields.Checked::serialKey).filter(k -> k != null).toList(),
                checked.stream().map(DeviceFields.Checked::assetTag).filter(t -> t != null).toList());
        for (int i = 0; i < rows.size(); i++) {
            DeviceFields.Checked c = checked.get(i);
            long line = rows.get(i).line();
            Long serial = holders.get("serial:" + c.serialKey());
            if (serial != null) {
                problems.add("Line " + line + ": serial number " + c.serialNumber() + " is already in the register (device "
                        + serial + ").");
            }
            Long tag = c.assetTag() == null ? null : holders.get("tag:" + c.assetTag());
            if (tag != null) {
                problems.add("Line " + line + ": asset tag " + c.assetTag() + " is already on device " + tag + ".");
            }
        }
        if (!problems.isEmpty()) {
            return new Result(0, problems);
        }
        return new Result(devices.createAll(checked, actor).size(), List.of());
    }

    private record Row(long line, DeviceFields fields) {
    }

    private static List<Row> parse(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("The file is empty: it needs a header line (type,make,model,serial,asset tag,location,state) "
                    + "and a line for each device.");
            return List.of();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).build();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
                format)) {
            Map<String, String> columns = new HashMap<>();
            for (String header : parser.getHeaderNames()) {
                String name = header.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
                name = name.equals("serial number") ? "serial" : name;
                if (!KNOWN.contains(name)) {
                    problems.add("Line 1: '" + header.strip() + "' is not a column this import reads: use type, make, "
                            + "model, serial, asset tag, location, state.");
                }
                columns.put(name, header);
            }
            REQUIRED.stream().filter(c -> !columns.containsKey(c))
                    .forEach(c -> problems.add("Line 1: the header has no '" + c + "' column."));
            if (!problems.isEmpty()) {
                return List.of();
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    problems.add("The file has more than " + MAX_ROWS + " devices: split it.");
                    return List.of();
                }
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add("Line " + line + ": it has " + record.size() + " cells, the header "
                            + parser.getHeaderNames().size() + ".");
                    continue;
                }
                rows.add(new Row(line, new DeviceFields(cell(record, columns, "type"), cell(record, columns, "make"),
                        cell(record, columns, "model"), cell(record, columns, "serial"), cell(record, columns, "asset tag"),
                        cell(record, columns, "location"), cell(record, columns, "state"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add("The file is not a CSV file this import can read: " + e.getMessage());
            return List.of();
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("The file has a header but no devices.");
        }
        return rows;
    }

    private static String cell(CSVRecord record, Map<String, String> columns, String name) {
        String header = columns.get(name);
        return header == null ? null : record.get(header);
    }
}
