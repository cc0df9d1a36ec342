package org.lantern.activity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.activity.store.Rows.T0;
import static org.lantern.activity.store.Rows.batch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityStore.SourcePosition;

/** The store as the only keeper of how far each source is stored: stretches follow each other, none twice. */
class DuckDbActivityStoreSourceTest extends StoreInTempDir {

    private static final String LOG = "d2049i1835012-5f0c3a9e81b2d467";

    @Test
    void aNewSourceIsReadFromItsStartAndThenFromWhereItsLastStretchEnded() {
        assertThat(store.resumeFrom(LOG)).isEmpty();

        assertThat(store.append(LOG, 0, new SourcePosition(1_000, 11), batch(T0, 10, "a"))).isTrue();
        assertThat(store.append(LOG, 1_000, new SourcePosition(1_700, 18), batch(T0, 7, "b"))).isTrue();

        assertThat(store.resumeFrom(LOG)).contains(new SourcePosition(1_700, 18));
        assertThat(store.resumeFrom("another-file")).isEmpty();
        assertThat(store.size()).isEqualTo(17);
        assertThat(store.contains(LOG + ":1000-1700")).isTrue();
    }

    /**
     * After 0-1000 and 1000-1700 are stored: a re-read cut where a crashed caller's older offset
     * put it (the fault this guards against), a stretch already stored, and one beyond a gap.
     */
    static Stream<Arguments> stretchesThatDoNotFollow() {
        return Stream.of(
                Arguments.of("overlapping the end", 1_000, 2_400, "overlap what is stored, which ends at 1700"),
                Arguments.of("overlapping from the start", 0, 2_400, "overlap what is stored, which ends at 1700"),
                Arguments.of("after a gap", 1_800, 2_400, "do not follow what is stored, which ends at 1700"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stretchesThatDoNotFollow")
    void aStretchThatDoesNotFollowIsRefusedWholeAndChangesNothing(String kind, long start, long end, String why) {
        store.append(LOG, 0, new SourcePosition(1_000, 11), batch(T0, 10, "a"));
        store.append(LOG, 1_000, new SourcePosition(1_700, 18), batch(T0, 7, "b"));

        assertThatThrownBy(() -> store.append(LOG, start, new SourcePosition(end, 30), batch(T0, 12, "c")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bytes " + start + "-" + end + " of " + LOG + " were not stored: they " + why
                        + "; read it again from there");

        assertThat(store.size()).isEqualTo(17);
        assertThat(store.resumeFrom(LOG)).contains(new SourcePosition(1_700, 18));
        // The store still takes the stretch that does follow.
        assertThat(store.append(LOG, 1_700, new SourcePosition(end, 30), batch(T0, 5, "d"))).isTrue();
        assertThat(store.size()).isEqualTo(22);
    }

    static Stream<Arguments> stretchesStoredBefore() {
        return Stream.of(Arguments.of(0, 1_000), Arguments.of(1_000, 1_700), Arguments.of(0, 1_700),
                Arguments.of(500, 1_700));
    }

    @ParameterizedTest(name = "{0}-{1}")
    @MethodSource("stretchesStoredBefore")
    void aStretchEndingWithinWhatIsStoredIsSkippedHoweverItIsCut(long start, long end) {
        store.append(LOG, 0, new SourcePosition(1_000, 11), batch(T0, 10, "a"));
        store.append(LOG, 1_000, new SourcePosition(1_700, 18), batch(T0, 7, "b"));

        assertThat(store.append(LOG, start, new SourcePosition(end, 9), batch(T0, 3, "c"))).isFalse();

        assertThat(store.size()).isEqualTo(17);
        assertThat(store.resumeFrom(LOG)).contains(new SourcePosition(1_700, 18));
    }

    @Test
    void aNewSourceMustStartAtItsStart() {
        assertThatThrownBy(() -> store.append(LOG, 500, new SourcePosition(900, 9), batch(T0, 3, "a")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which ends at 0");

        assertThat(store.resumeFrom(LOG)).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void anEmptyStretchMovesThePositionOn() {
        assertThat(store.append(LOG, 0, new SourcePosition(300, 4), List.of())).isTrue();

        assertThat(store.resumeFrom(LOG)).contains(new SourcePosition(300, 4));
        assertThat(store.size()).isZero();
    }

    @Test
    void thePositionSurvivesReopening() throws Exception {
        store.append(LOG, 0, new SourcePosition(1_000, 11), batch(T0, 10, "a"));
        store.close();

        store = DuckDbActivityStore.open(file);

        assertThat(store.resumeFrom(LOG)).contains(new SourcePosition(1_000, 11));
    }

    @Test
    void aStoreWrittenBeforeSourcePositionsKeepsItsRowsAndGainsThem() throws Exception {
        store.append("shipper-1:7", batch(T0, 10, "a"));
        // A reader's batch stored by its id alone, as callers did before positions were kept.
        store.append(LOG + ":0-1000", batch(T0, 4, "b"));
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            // A version 1 file had neither source positions nor compacted days.
            s.execute("DROP TABLE activity_sources");
            s.execute("DROP TABLE activity_compacted");
            s.execute("UPDATE activity_schema SET version = 1");
        }

        store = DuckDbActivityStore.open(file);

        assertThat(store.size()).isEqualTo(14);
        assertThat(store.contains("shipper-1:7")).isTrue();
        assertThat(store.resumeFrom(LOG)).isEmpty();
        // Read again from the start: the batch stored by its id is not stored twice, but the position moves on.
        assertThat(store.append(LOG, 0, new SourcePosition(1_000, 11), batch(T0, 4, "b"))).isFalse();
        assertThat(store.resumeFrom(LOG)).contains(new SourcePosition(1_000, 11));
        assertThat(store.append(LOG, 1_000, new SourcePosition(1_500, 16), batch(T0, 5, "c"))).isTrue();
        assertThat(store.size()).isEqualTo(19);
    }
}
