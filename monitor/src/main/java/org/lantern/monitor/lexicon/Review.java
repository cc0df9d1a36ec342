package org.lantern.monitor.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantern.monitor.library.CsvLines;

/**
 * Lantern's review of an outside lexicon, shipped beside this class: a CSV of {@code term},
 * optionally the {@code level} Lantern gives it (none or 0: left out), and the {@code reason},
 * so every departure from the lexicon is data with its why, not code.
 */
final class Review {

    private Review() {}

    /**
     * @param resource the review's file name beside this class
     * @return each reviewed term, in matching form, to its level (0: left out)
     */
    static Map<String, Integer> load(String resource) throws IOException {
        Map<String, Integer> levels = new HashMap<>();
        try (InputStream in = Review.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + resource);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    String normal = ImportedLibrary.normalise(record.get("term"));
                    if (normal == null) {
                        throw new IllegalStateException(resource + " line " + CsvLines.firstLine(parser, record)
                                + ": not a term: " + record.get("term"));
                    }
                    levels.put(normal, record.isMapped("level") ? Integer.parseInt(record.get("level")) : 0);
                }
            }
        }
        return levels;
    }
}
