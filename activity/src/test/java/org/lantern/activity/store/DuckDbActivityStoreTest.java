package org.lantern.activity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lantern.activity.store.Rows.T0;
import static org.lantern.activity.store.Rows.batch;
import static org.lantern.activity.store.Rows.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore.ActivityPage;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.activity.ActivityStore.Count;
import org.lantern.filter.files.OwnerOnly;

/** The store's promises: each batch once and whole, newest-first paging that loses nothing, retention with holds. */
class DuckDbActivityStoreTest extends StoreInTempDir {

    /** Under a folder not there yet, so the store makes it owner-only as it does the data folder. */
    @Override
    String fileName() {
        return "data/activity.duckdb";
    }

    @Test
    void theSameBatchTwiceIsStoredOnce() {
        List<ActivityRow> rows = batch(T0, 10, "a");

        assertThat(store.append("shipper-1:7", rows)).isTrue();
        assertThat(store.append("shipper-1:7", rows)).isFalse();

        assertThat(store.size()).isEqualTo(10);
        assertThat(store.contains("shipper-1:7")).isTrue();
        assertThat(store.contains("shipper-1:8")).isFalse();
    }

    @Test
    void threadsSendingTheSameBatchAtOnceStoreItOnce() throws Exception {
        List<ActivityRow> rows = batch(T0, 2_000, "a");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    return store.append("same", rows);
                }));
            }
            start.countDown();
            int stored = 0;
            for (Future<Boolean> r : results) {
                stored += r.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.size()).isEqualTo(2_000);
    }

    @Test
    void aBadRowAfterThousandsOfAppendedOnesLeavesNothingAndTheBatchCanBeSentAgain() {
        // More rows than the Appender's 2,048-row chunk, so some reached the table before the bad one.
        List<ActivityRow> rows = new ArrayList<>(batch(T0, 5_000, "a"));
        rows.add(request(Instant.MAX, 1, "https://never.example.org/"));

        assertThatThrownBy(() -> store.append("b1", rows))
                .isInstanceOf(ActivityStoreException.class)
                .hasMessageContaining("batch b1 was not stored")
                .hasMessageContaining("nothing of it was kept");

        assertThat(store.size()).isZero();
        assertThat(store.contains("b1")).isFalse();
        assertThat(store.search(ActivityQuery.all(), null, 10).rows()).isEmpty();

        // The URLs the failed batch numbered were rolled back too: resending gives every row its own URL.
        List<ActivityRow> good = rows.subList(0, 5_000);
        assertThat(store.append("b1", good)).isTrue();
        assertThat(store.search(ActivityQuery.all(), null, 5_000).rows())
                .containsExactlyInAnyOrderElementsOf(good);
    }

    @Test
    void rowsComeBackAsTheyWentIn() {
        ActivityRow full = new ActivityRow(T0, 12L, "ada", "pupils", "Y9", "10.1.2.3", "aa:bb:cc:dd:ee:ff", "GET",
                "www.bbc.co.uk", "bbc.co.uk", "https://www.bbc.co.uk/news?q=1", "news", "Read", "ALLOW", "ALLOW_LIST",
                42L, "weather", true, 200, 1234L, "squid");
        ActivityRow sparse = new ActivityRow(T0.plusMillis(1), null, null, null, null, null, null, "CONNECT",
                "example.org", null, "example.org:443", null, null, "TCP_TUNNEL", null, null, null, false, null, null,
                "squid");

        store.append("b", List.of(full, sparse));

        assertThat(store.search(ActivityQuery.all(), null, 10).rows()).containsExactly(sparse, full);
    }

    static List<Arguments> filters() {
        Instant t = T0;
        return List.of(
                args("from", new ActivityQuery(t.plusSeconds(60), null, null, null, null, null, null, null, null,
                        null, null, null), 2, 3, 4, 5),
                args("to", new ActivityQuery(null, t.plusSeconds(60), null, null, null, null, null, null, null,
                        null, null, null), 1),
                args("person", q().personId(4L).build(), 4),
                args("user", q().user("pupil3").build(), 3),
                args("group", q().groupId("staff").build(), 1, 3, 5),
                args("year group", q().yearGroup("Y7").build(), 3),
                args("client ip", q().clientIp("10.0.0.5").build(), 5),
                args("device", q().device("laptop-1").build(), 1),
                args("text in host, any case", q().text("YOUTUBE").build(), 2, 4),
                args("text in path", q().text("/watch").build(), 2),
                args("text's % is literal", q().text("100%").build(), 5),
                args("text's _ is literal", q().text("a_b").build(), 3),
                args("category", q().category("games").build(), 3, 4),
                args("action", q().action("BLOCK").build(), 3, 4),
                args("search text", q().searchText("Cats").build(), 1),
                args("several at once", q().groupId("pupils").text("youtube").build(), 2, 4),
                args("several, one excluding", q().personId(2L).action("BLOCK").build()),
                args("nothing", q().user("nobody").build()));
    }

    private static Arguments args(String name, ActivityQuery query, int... persons) {
        return Arguments.of(name, query, persons);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void eachFilterMatchesOnlyItsRows(String name, ActivityQuery query, int[] persons) {
        store.append("fixture", List.of(
                request(T0, 1, "https://www.google.com/search?q=cats", "search", "ALLOW", "cute cats"),
                request(T0.plusSeconds(60), 2, "https://www.youtube.com/watch?v=1"),
                request(T0.plusSeconds(120), 3, "http://games.example.net/a_b", "games", "BLOCK", null),
                request(T0.plusSeconds(180), 4, "https://m.youtube.com/", "games", "BLOCK", null),
                request(T0.plusSeconds(240), 5, "https://shop.example.com/100%25?x=100%")));

        List<Long> found = store.search(query, null, 100).rows().stream().map(ActivityRow::personId).toList();

        assertThat(found).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(persons).mapToObj(p -> (long) p).toList());
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 7, 50, 250, 1000})
    void pagingNewestFirstLosesAndRepeatsNothingEvenWhenTimesAreEqual(int pageSize) {
        // 250 rows over 5 instants, in three batches: most rows share their time with 49 others.
        List<ActivityRow> all = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<ActivityRow> rows = new ArrayList<>();
            for (int i = b * 100; i < Math.min(250, (b + 1) * 100); i++) {
                rows.add(request(T0.plusSeconds(i % 5), i, "https://example.org/" + i));
            }
            store.append("b" + b, rows);
            all.addAll(rows);
        }

        List<ActivityRow> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ActivityPage page = store.search(ActivityQuery.all(), cursor, pageSize);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(pageSize);
            seen.addAll(page.rows());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 1_000);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(seen).extracting(ActivityRow::time).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pages).isEqualTo(Math.max(1, (250 + pageSize - 1) / pageSize));
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 3, 10, 64, 100, 500})
    void pagingATimeRangeAcrossItsSlicesLosesAndRepeatsNothing(int pageSize) {
        // 64 minutes, searched newest slice first (TimeSlices): the newest minute is its own slice.
        // Rows crowd the newest seconds, thin out further back, and share their times in threes,
        // some exactly on a slice's edge (60, 300 and 1,260 seconds before the end).
        Instant from = T0;
        Instant to = T0.plusSeconds(64 * 60);
        List<ActivityRow> all = new ArrayList<>();
        int[] secondsBeforeEnd = {1, 2, 3, 30, 59, 60, 61, 299, 300, 301, 1_259, 1_260, 1_261, 2_000, 3_839, 3_840};
        int n = 0;
        for (int before : secondsBeforeEnd) {
            for (int copy = 0; copy < 3; copy++) {
                all.add(request(to.minusSeconds(before), n % 4, "https://example.org/" + n++));
            }
        }
        // Outside the range on both sides: never returned.
        all.add(request(to, 0, "https://example.org/at-the-end"));
        all.add(request(from.minusSeconds(1), 0, "https://example.org/before-the-start"));
        store.append("b", all);
        ActivityQuery range = q().from(from).to(to).build();

        List<ActivityRow> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ActivityPage page = store.search(range, cursor, pageSize);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(pageSize);
            seen.addAll(page.rows());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 1_000);

        List<ActivityRow> expected = all.subList(0, all.size() - 2);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen).extracting(ActivityRow::time).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pages).isEqualTo(Math.max(1, (expected.size() + pageSize - 1) / pageSize));
    }

    @Test
    void aSparseSearchFindsItsRowsInTheOldestSlice() {
        Instant to = T0.plusSeconds(6_400);
        store.append("b", List.of(
                request(T0, 7, "https://example.org/oldest"),
                request(T0.plusSeconds(10), 8, "https://example.org/someone-else"),
                request(T0.plusSeconds(20), 7, "https://example.org/older")));

        ActivityPage page = store.search(q().from(T0).to(to).personId(7L).build(), null, 10);

        assertThat(page.rows()).extracting(ActivityRow::url)
                .containsExactly("https://example.org/older", "https://example.org/oldest");
        assertThat(page.next()).isNull();
    }

    @Test
    void aCursorPagesWithinTheQuery() {
        store.append("b", batch(T0, 40, "a"));
        ActivityQuery pupil = q().personId(3L).build();

        ActivityPage first = store.search(pupil, null, 5);
        ActivityPage second = store.search(pupil, first.next(), 5);

        assertThat(first.rows()).hasSize(5);
        assertThat(second.rows()).hasSize(3).allMatch(r -> r.personId() == 3L);
        assertThat(second.next()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nonsense", "' OR 1=1 --", "YTE6MTox; DROP TABLE activity", "YTE6eDox", "YTE6MTotMQ",
            "YTI6MToy", "YTE6OTk5OTk5OTk5OTk5OTk5OTk5OTk6MQ", "%%%%"})
    void aForgedCursorIsRefusedBeforeItReachesSql(String forged) {
        store.append("b", batch(T0, 3, "a"));

        assertThatThrownBy(() -> store.search(ActivityQuery.all(), forged, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an activity cursor");
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void countsPerHourByDomainAndByBlockedCategory() {
        store.append("b", List.of(
                request(T0, 1, "https://www.youtube.com/a"),
                request(T0.plusSeconds(59 * 60), 1, "https://m.youtube.com/b"),
                request(T0.plusSeconds(60 * 60), 2, "https://www.bbc.co.uk/"),
                request(T0.plusSeconds(3 * 60 * 60), 2, "http://games.example.net/", "games", "BLOCK", null),
                request(T0.plusSeconds(3 * 60 * 60 + 1), 3, "http://poker.example.com/", "gambling", "BLOCK_AND_ALERT", null),
                request(T0.plusSeconds(3 * 60 * 60 + 2), 3, "http://games.example.net/2", "games", "BLOCK", null),
                request(T0.plusSeconds(3 * 60 * 60 + 3), 3, "http://news.example.com/", "games", "ALLOW", null)));

        assertThat(store.perHour(ActivityQuery.all())).containsExactly(
                new Count("2026-03-02T09:00:00Z", 2), new Count("2026-03-02T10:00:00Z", 1),
                new Count("2026-03-02T12:00:00Z", 4));
        assertThat(store.perHour(q().personId(3L).build())).containsExactly(new Count("2026-03-02T12:00:00Z", 3));
        assertThat(store.count(ActivityQuery.all())).isEqualTo(store.size()).isEqualTo(7);
        assertThat(store.count(q().personId(3L).build())).isEqualTo(3);
        assertThat(store.count(q().action("BLOCK").build())).isEqualTo(3);
        // Equal counts come in name order, so a page of top domains is stable.
        assertThat(store.topDomains(ActivityQuery.all(), 3)).containsExactly(
                new Count("example.com", 2), new Count("example.net", 2), new Count("youtube.com", 2));
        assertThat(store.topDomains(q().yearGroup("Y8").build(), 5)).containsExactly(new Count("youtube.com", 2));
        assertThat(store.topBlockedCategories(ActivityQuery.all(), 5)).containsExactly(
                new Count("games", 2), new Count("gambling", 1));
        assertThat(store.topBlockedCategories(q().personId(2L).build(), 5)).containsExactly(new Count("games", 1));
        // A block that also raised an alert is a block; the action's own word is still in its row.
        assertThat(store.search(q().action("BLOCK").build(), null, 10).rows()).extracting(ActivityRow::action)
                .containsExactly("BLOCK", "BLOCK_AND_ALERT", "BLOCK");
        assertThat(store.search(q().action("ALLOW").build(), null, 10).rows()).hasSize(4);
    }

    @Test
    void retentionDeletesWholeUtcDaysButKeepsHeldPeople() {
        LocalDate day = LocalDate.parse("2026-03-02");
        Instant lastSecondOfOldDay = day.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        Instant firstSecondOfKeptDay = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        store.append("b", List.of(
                request(lastSecondOfOldDay.minusSeconds(86_400 * 20), 1, "https://old.example.org/1"),
                request(lastSecondOfOldDay, 1, "https://old.example.org/2"),
                request(lastSecondOfOldDay, 2, "https://held.example.org/"),
                request(lastSecondOfOldDay, 3, "https://held.example.org/3"),
                request(firstSecondOfKeptDay, 1, "https://kept.example.org/")));

        long deleted = store.deleteBefore(day, Set.of(2L, 3L));

        assertThat(deleted).isEqualTo(2);
        assertThat(store.search(ActivityQuery.all(), null, 10).rows()).extracting(ActivityRow::url)
                .containsExactlyInAnyOrder("https://held.example.org/", "https://held.example.org/3",
                        "https://kept.example.org/");
        // A URL whose rows all went can come back with a new number and still read right.
        store.append("again", List.of(request(firstSecondOfKeptDay.plusSeconds(5), 1, "https://old.example.org/2")));
        assertThat(store.search(q().text("old.example").build(), null, 10).rows()).extracting(ActivityRow::url)
                .containsExactly("https://old.example.org/2");
        assertThat(store.deleteBefore(day.plusDays(1), Set.of())).isEqualTo(4);
        assertThat(store.size()).isZero();
    }

    @Test
    void reopeningAfterCloseKeepsRowsBatchesAndNumbering() throws Exception {
        store.append("b1", batch(T0, 100, "a"));
        store.close();

        store = DuckDbActivityStore.open(file);
        assertThat(store.append("b1", batch(T0, 100, "a"))).isFalse();
        store.append("b2", batch(T0.plusSeconds(100), 100, "a"));

        assertThat(store.size()).isEqualTo(200);
        List<ActivityRow> all = store.search(ActivityQuery.all(), null, 1_000).rows();
        assertThat(all).hasSize(200).doesNotHaveDuplicates();
        assertThat(all.getLast().url()).isEqualTo("https://www.example0.org/a/0");
    }

    @Test
    void aSecondStoreOnTheSameFileIsRefusedUntilTheFirstIsClosed() throws Exception {
        store.append("b1", batch(T0, 10, "a"));

        assertThatThrownBy(() -> DuckDbActivityStore.open(file)).isInstanceOf(StoreInUseException.class)
                .hasMessageContaining("is in use by another Lantern process");
        assertThat(store.size()).as("the open store carries on").isEqualTo(10);

        store.close();
        store = DuckDbActivityStore.open(file);
        assertThat(store.size()).isEqualTo(10);
    }

    @Test
    void aFileWrittenByANewerVersionIsRefusedAndLeftAsItWas() throws Exception {
        store.append("b1", batch(T0, 10, "a"));
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE activity_schema SET version = " + (Schema.VERSION + 1));
        }
        String before = digest(file);

        assertThatThrownBy(() -> DuckDbActivityStore.open(file))
                .isInstanceOf(NewerStoreException.class)
                .hasMessage(file.toAbsolutePath() + " was written by a newer Lantern (activity store version "
                        + (Schema.VERSION + 1) + "; this version reads up to " + Schema.VERSION + ")");

        assertThat(digest(file)).isEqualTo(before);
        assertThat(Path.of(file + ".wal")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws Exception {
        Path other = Files.writeString(dir.resolve("notes.duckdb"),
                "these are not the rows you are looking for\n".repeat(200));

        assertThatThrownBy(() -> DuckDbActivityStore.open(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(other.toAbsolutePath() + " is not an activity store (not a DuckDB database file)");
        assertThat(Files.readString(other)).startsWith("these are not");
    }

    @Test
    void theFileItsLogAndANewDirectoryAreTheOwnersAlone() throws Exception {
        assumeTrue(OwnerOnly.supported(dir), "no POSIX permissions on " + dir);
        store.append("b1", batch(T0, 10, "a"));
        Path wal = Path.of(file + ".wal");

        assertThat(wal).exists(); // a small batch stays in the log until a checkpoint
        assertThat(permissions(wal)).isEqualTo("rw-------");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
        store.close();
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void aFileLeftReadableByOthersIsNarrowedOnOpening() throws Exception {
        assumeTrue(OwnerOnly.supported(dir), "no POSIX permissions on " + dir);
        store.close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        store = DuckDbActivityStore.open(file);

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void operationsAfterCloseSaySo() {
        store.close();

        assertThatThrownBy(store::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    static String digest(Path path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    }

    static QueryBuilder q() {
        return new QueryBuilder();
    }

    /** Builds a query with one or two fields set, which the twelve-argument record makes hard to read. */
    static final class QueryBuilder {
        private Instant from, to;
        private Long personId;
        private String user, groupId, yearGroup, clientIp, device, text, category, action, searchText;

        QueryBuilder from(Instant v) { from = v; return this; }
        QueryBuilder to(Instant v) { to = v; return this; }
        QueryBuilder personId(Long v) { personId = v; return this; }
        QueryBuilder user(String v) { user = v; return this; }
        QueryBuilder groupId(String v) { groupId = v; return this; }
        QueryBuilder yearGroup(String v) { yearGroup = v; return this; }
        QueryBuilder clientIp(String v) { clientIp = v; return this; }
        QueryBuilder device(String v) { device = v; return this; }
        QueryBuilder text(String v) { text = v; return this; }
        QueryBuilder category(String v) { category = v; return this; }
        QueryBuilder action(String v) { action = v; return this; }
        QueryBuilder searchText(String v) { searchText = v; return this; }

        ActivityQuery build() {
            return new ActivityQuery(from, to, personId, user, groupId, yearGroup, clientIp, device, text, category,
                    action, searchText);
        }
    }
}
