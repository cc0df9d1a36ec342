package org.lantern.monitor.library;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Line numbers of CSV records, for errors and explanations that name a file's line. */
public final class CsvLines {

    private CsvLines() {}

    /**
     * @param parser the parser that has just returned {@code record}
     * @param record the record
     * @return the line the record starts on (a quoted field may span lines), counting from 1
     */
    public static int firstLine(CSVParser parser, CSVRecord record) {
        int breaks = 0;
        for (String value : record.values()) {
            for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
                breaks++;
            }
        }
        return (int) parser.getCurrentLineNumber() - breaks;
    }
}
