package org.lantern.filter.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lantern.filter.match.Match;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.UrlNormaliser;

/**
 * Loads the real UT1 list set from the shared test data (outside the repository) and checks
 * known entries. Skipped, with a message saying why, on machines without the data.
 */
class Ut1IntegrationTest {

    private static CategoryLists lists;
    private static Path data;

    private final UrlNormaliser normaliser = new UrlNormaliser();

    static Optional<Path> sharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate.resolve("lists/ut1"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @BeforeAll
    static void loadRealLists() throws IOException {
        Optional<Path> found = sharedData();
        assumeTrue(
                found.isPresent(),
                "SKIPPED: shared test data not found (no shared/data/lists/ut1 above the working directory);"
                        + " the UT1 integration test needs it");
        data = found.get();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        lists =
                new ListLoader()
                        .load(
                                List.of(
                                        new ListSource("ut1", "2026-08", data.resolve("lists/ut1")),
                                        new ListSource("porn-top1m", "shared", data.resolve("lists/porn-top1m"))));
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        for (SourceReport s : lists.sources()) {
            System.out.printf(
                    "[ut1-integration] source %s: %,d entries accepted, %,d lines skipped, %d files%n",
                    s.source().name(), s.accepted(), s.skipped(), s.files().size());
            s.files().stream()
                    .filter(f -> f.skipped() > 0)
                    .forEach(
                            f -> System.out.printf(
                                    "[ut1-integration]   %s/%s skipped %,d, first: %s%n",
                                    f.category(), f.kind().fileName(), f.skipped(), f.firstProblems()));
        }
        System.out.printf(
                "[ut1-integration] distinct domains %,d, url entries %,d, expressions %,d; heap retained ~%,d MB%n",
                lists.matcher().domains().size(),
                lists.matcher().urls().size(),
                lists.matcher().expressions().size(),
                (after - before) >> 20);
    }

    private List<Match> match(String url) throws Exception {
        return lists.matcher().match(normaliser.normalise(url));
    }

    @Test
    void everyCategoryFolderIsLoaded() throws IOException {
        long categories;
        try (var dirs = Files.list(data.resolve("lists/ut1"))) {
            categories = dirs.filter(Files::isDirectory).count();
        }
        long loaded =
                lists.sources().get(0).files().stream().map(FileReport::category).distinct().count();
        assertThat(loaded).isEqualTo(categories);
    }

    @Test
    void nearlyEveryLineIsAccepted() {
        SourceReport ut1 = lists.sources().get(0);
        assertThat(ut1.accepted()).isGreaterThan(1_000_000);
        assertThat(ut1.skipped()).isLessThan(ut1.accepted() / 100);
    }

    @Test
    void domainFromGamblingListMatchesGamblingWithSubdomain() throws Exception {
        String entry;
        try (var lines = Files.lines(data.resolve("lists/ut1/gambling/domains"))) {
            entry = lines.skip(1000).findFirst().orElseThrow().strip();
        }
        assertThat(match("http://www.sub." + entry + "/any"))
                .anySatisfy(
                        m -> {
                            assertThat(m.category()).isEqualTo("gambling");
                            assertThat(m.entry()).isEqualTo(entry);
                        });
    }

    @Test
    void googleIsNotAdult() throws Exception {
        assertThat(match("https://www.google.com/")).extracting(Match::category).doesNotContain("adult");
    }

    @Test
    void adultDomainFromStandInListMatchesAdult() throws Exception {
        String entry;
        try (var lines = Files.lines(data.resolve("lists/porn-top1m/adult/domains"))) {
            entry = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow().strip();
        }
        assertThat(match("http://" + entry.toUpperCase() + "./"))
                .extracting(Match::category)
                .contains("adult");
    }

    @Test
    void everyUrlOfTheRequestStreamEitherNormalisesOrIsRejectedWithAReason() throws Exception {
        Path stream = data.resolve("urls/stream-200k.txt");
        assumeTrue(Files.isRegularFile(stream), "SKIPPED: " + stream + " is absent");
        long[] counts = new long[3];
        try (var lines = Files.lines(stream)) {
            lines.forEach(
                    line -> {
                        try {
                            List<Match> matches = lists.matcher().match(normaliser.normalise(line));
                            counts[matches.isEmpty() ? 0 : 1]++;
                        } catch (MalformedUrlException e) {
                            counts[2]++;
                        }
                    });
        }
        System.out.printf(
                "[ut1-integration] stream: %,d unlisted, %,d listed, %,d malformed%n", counts[0], counts[1], counts[2]);
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(200_000);
        assertThat(counts[1]).isPositive();
    }

    @Test
    void adultUrlEntryMatchesDeeperPath() throws Exception {
        assertThat(match("http://020sextoy.com/sk/anything"))
                .extracting(Match::category)
                .contains("adult");
    }
}
