package org.lantern.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListLoader;
import org.lantern.filter.lists.ListSource;

/**
 * Finds and reads the shared real data (lists and the request stream) that lives outside the
 * repository, so every benchmark measures the same inputs the docs quote and none is copied in.
 * The folder is the {@code lantern.data} system property, else the first {@code shared/data}
 * found walking up from the working directory (JMH's forked JVMs inherit both).
 */
public final class BenchData {

    /** System property naming the shared data folder explicitly. */
    public static final String PROPERTY = "lantern.data";

    /** The request stream, relative to the data folder. */
    public static final String STREAM = "urls/stream-200k.txt";

    /** A search's query parameter: what a pupil typed into the search box. */
    private static final Pattern SEARCH = Pattern.compile("[?&](?:q|search_query)=([^&#]*)");

    private BenchData() {}

    /**
     * @return the shared data folder
     * @throws IllegalStateException if there is none, naming the property that would fix it
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate.resolve("lists/ut1"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared data not found: no shared/data above "
                + Path.of("").toAbsolutePath() + "; pass -D" + PROPERTY + "=/path/to/shared/data");
    }

    /**
     * The full list set the docs measure: every UT1 category plus the porn-top1m stand-in for
     * UT1's absent {@code adult/domains}.
     *
     * @param data the shared data folder
     * @return the sources, in load order
     */
    public static List<ListSource> fullListSet(Path data) {
        return List.of(
                new ListSource("ut1", "2026-08", data.resolve("lists/ut1")),
                new ListSource("porn-top1m", "shared", data.resolve("lists/porn-top1m")));
    }

    /**
     * @param data the shared data folder
     * @return the full list set, loaded
     * @throws IOException if a list folder cannot be read
     */
    public static CategoryLists loadFullListSet(Path data) throws IOException {
        return new ListLoader().load(fullListSet(data));
    }

    /**
     * @param data the shared data folder
     * @return the search terms of the stream's searches ({@code q=} and {@code search_query=}), in
     *         order and as sent: still URL-encoded, as the monitor receives them
     * @throws IOException if the stream cannot be read
     */
    public static String[] searchTerms(Path data) throws IOException {
        return Arrays.stream(stream(data))
                .map(SEARCH::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toArray(String[]::new);
    }

    /**
     * @param data the shared data folder
     * @return the request stream's non-blank lines, in order
     * @throws IOException if the stream cannot be read
     */
    public static String[] stream(Path data) throws IOException {
        try (Stream<String> lines = Files.lines(data.resolve(STREAM))) {
            return lines.map(String::strip).filter(l -> !l.isEmpty()).toArray(String[]::new);
        }
    }
}
