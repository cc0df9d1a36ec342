package org.lantern.server.monitoring.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.support.LibraryTables;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A school's library changes on H2 and PostgreSQL: each a new version with who, when and why,
 * audited, in use at once; a refused change or a bad import stores nothing.
 */
@PersistenceTest
class LibraryChangesTest {

    private static final String GAMBLING = "lantern-gambling";

    @Autowired
    LibraryChanges changes;
    @Autowired
    LibraryImport imports;
    @Autowired
    LibraryCatalogue catalogue;
    @Autowired
    LibraryVersions versions;
    @Autowired
    MonitorEngine engine;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;

    /** Audit entries are never deleted: each test looks at those after its start. */
    private int auditedBefore;

    @BeforeEach
    void shipped() {
        LibraryTables.clear(jdbc, engine);
        auditedBefore = audit.entriesFor("monitor-library", Category.GAMBLING.id()).size();
    }

    @AfterEach
    void shippedAgain() {
        LibraryTables.clear(jdbc, engine);
    }

    private Classification classify(String text, AgeBand band) {
        return engine.matcher().classify(text, band);
    }

    private static LibraryChanges.NewPhrase phrase(String phrase, String level, Map<String, String> bands) {
        return new LibraryChanges.NewPhrase(phrase, "en", level, bands, "", false, false);
    }

    private List<AuditEntry> audited() {
        List<AuditEntry> all = audit.entriesFor("monitor-library", Category.GAMBLING.id());
        return all.subList(auditedBefore, all.size());
    }

    @Test
    void eachChangeIsANewVersionWithWhoAndWhyAuditedAndInUseAtOnce() {
        assertThat(classify("loot box odds", AgeBand.KS3).level()).isZero();

        int added = changes.add(Category.GAMBLING, phrase("loot box odds", "3", Map.of("primary", "4")),
                "Year 8 spending on loot boxes", "lib.dsl");
        Classification found = classify("what are the LOOT BOX odds", AgeBand.PRIMARY);
        int relevelled = changes.levels(Category.GAMBLING, "loot box odds", "en", "2", Map.of("staff", "0"),
                "Too many alerts", "lib.deputy");
        int removed = changes.remove(Category.GAMBLING, "bet365", "en", "Sponsor of the school's football kit", "lib.dsl");

        assertThat(List.of(added, relevelled, removed)).containsExactly(1, 2, 3);
        assertThat(found.level()).isEqualTo(4);
        assertThat(found.matches().getFirst().library()).isEqualTo(GAMBLING);
        assertThat(found.matches().getFirst().libraryVersion()).isEqualTo(CuratedLibraries.VERSION + "+school.1");
        Classification now = classify("loot box odds", AgeBand.KS3);
        assertThat(now.level()).isEqualTo(2);
        assertThat(now.matches().getFirst().libraryVersion()).isEqualTo(CuratedLibraries.VERSION + "+school.3");
        assertThat(classify("loot box odds", AgeBand.STAFF).level()).isZero();
        assertThat(classify("bet365", AgeBand.KS3).matches()).isEmpty();
        assertThat(versions.history(Category.GAMBLING)).extracting(LibraryVersions.Version::number,
                        LibraryVersions.Version::kind, LibraryVersions.Version::changedBy, LibraryVersions.Version::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "remove", "lib.dsl", "Sponsor of the school's football kit"),
                        org.assertj.core.groups.Tuple.tuple(2, "level", "lib.deputy", "Too many alerts"),
                        org.assertj.core.groups.Tuple.tuple(1, "add", "lib.dsl", "Year 8 spending on loot boxes"));
        assertThat(versions.history(Category.GAMBLING)).allSatisfy(v -> assertThat(v.changedAt()).isNotNull());
        assertThat(audited()).extracting(AuditEntry::actor).containsExactly("lib.dsl", "lib.deputy", "lib.dsl");
        assertThat(audited().getFirst().detailJson()).contains("\"version\":1", "\"kind\":\"add\"")
                .doesNotContain("Year 8");
        assertThat(catalogue.summary(Category.GAMBLING).version()).isEqualTo(CuratedLibraries.VERSION + "+school.3");
        assertThat(catalogue.summary(Category.SUICIDE).version()).isEqualTo(CuratedLibraries.VERSION);
    }

    @Test
    void anExclusionStopsThePhraseInThatContextOnly() {
        int version = changes.exclude(Category.GAMBLING, "online casino", "Online casino maths project",
                "Year 10 probability project", "lib.dsl");

        assertThat(version).isEqualTo(1);
        assertThat(classify("online casino maths project", AgeBand.KS4).matches()).isEmpty();
        assertThat(classify("best online casino", AgeBand.KS4).matches()).extracting(m -> m.libraryVersion())
                .containsExactly(CuratedLibraries.VERSION + "+school.1");
    }

    @Test
    void aRemovedExclusionIsANewAuditedVersionAndThePhraseAlertsThereAgain() {
        int made = changes.exclude(Category.GAMBLING, "online casino", "Online casino maths project",
                "Year 10 probability project", "lib.dsl");
        assertThat(catalogue.exclusions(Category.GAMBLING)).extracting(LibraryVersions.Exclusion::version,
                LibraryVersions.Exclusion::context, LibraryVersions.Exclusion::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(made, "Online casino maths project",
                        "Year 10 probability project"));

        int removed = changes.unexclude(Category.GAMBLING, made, "The project has ended", "lib.deputy");

        assertThat(removed).isEqualTo(2);
        Classification again = classify("online casino maths project", AgeBand.KS4);
        assertThat(again.matches()).extracting(m -> m.phrase(), m -> m.libraryVersion())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("online casino", CuratedLibraries.VERSION + "+school.2"));
        assertThat(catalogue.exclusions(Category.GAMBLING)).isEmpty();
        assertThat(catalogue.phrase(Category.GAMBLING, "online casino", "en").rule())
                .isEqualTo(CuratedLibraries.load(Category.GAMBLING).getFirst().entries().stream()
                        .filter(e -> e.phrase().equals("online casino")).findFirst().orElseThrow().rule().text());
        assertThat(versions.history(Category.GAMBLING).getFirst()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo("unexclusion");
            assertThat(v.summary()).isEqualTo("Exclusion removed: 'online casino' alerts again in "
                    + "'Online casino maths project' (made by version 1)");
            assertThat(v.reason()).isEqualTo("The project has ended");
            assertThat(v.changedBy()).isEqualTo("lib.deputy");
        });
        assertThat(audited()).extracting(AuditEntry::actor).containsExactly("lib.dsl", "lib.deputy");
        assertThat(audited().getLast().detailJson()).contains("\"version\":2", "\"kind\":\"unexclusion\"")
                .doesNotContain("project has ended");
        // the versions replayed from the database give the same library as the one built after the change
        engine.rebuild();
        assertThat(classify("online casino maths project", AgeBand.KS4).matches()).hasSize(1);
    }

    @Test
    void anExclusionNotInForceCannotBeRemovedAndNothingIsStored() {
        int made = changes.exclude(Category.GAMBLING, "online casino", "online casino maths project", "Project", "lib.dsl");
        changes.unexclude(Category.GAMBLING, made, "Project over", "lib.dsl");

        assertThatThrownBy(() -> changes.unexclude(Category.GAMBLING, made, "Again", "lib.dsl"))
                .isInstanceOf(LibraryNotFoundException.class);
        assertThatThrownBy(() -> changes.unexclude(Category.GAMBLING, 999, "Never made", "lib.dsl"))
                .isInstanceOf(LibraryNotFoundException.class);
        assertThatThrownBy(() -> changes.unexclude(Category.SELF_HARM, made, "Another library's", "lib.dsl"))
                .isInstanceOf(LibraryNotFoundException.class);
        int again = changes.exclude(Category.GAMBLING, "online casino", "online casino maths project", "New project",
                "lib.dsl");
        assertThatThrownBy(() -> changes.unexclude(Category.GAMBLING, again, " ", "lib.dsl"))
                .isInstanceOf(LibraryRejectedException.class).hasMessageContaining("Reason: say why");

        assertThat(versions.latest(Category.GAMBLING)).isEqualTo(3);
        assertThat(catalogue.exclusions(Category.GAMBLING)).extracting(LibraryVersions.Exclusion::version).containsExactly(again);
        assertThat(classify("online casino maths project", AgeBand.KS4).matches()).isEmpty();
    }

    @Test
    void aCategoryKeptInSeveralFilesIsOneLibraryToTheSchoolAndEachFileKeepsItsName() {
        int total = CuratedLibraries.load(Category.SUICIDE).stream().mapToInt(l -> l.entries().size()).sum();
        assertThat(catalogue.summary(Category.SUICIDE).phrases()).isEqualTo(total);

        changes.add(Category.SUICIDE, phrase("cant see a future", "4", Map.of()), "Heard in Year 9", "lib.dsl");
        changes.levels(Category.SUICIDE, "mettre fin à mes jours", "fr", "4", Map.of(), "Reviewed with the French department",
                "lib.dsl");

        String version = CuratedLibraries.VERSION + "+school.2";
        assertThat(classify("i cant see a future", AgeBand.KS3).matches()).extracting(m -> m.library(), m -> m.libraryVersion())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lantern-suicide", version));
        // the family "mettre fin à ... jours" (level 5) finds the same words; the changed phrase is the one at 4
        assertThat(classify("mettre fin à mes jours", AgeBand.KS3).matches()).filteredOn(m -> m.phrase().equals("mettre fin à mes jours"))
                .extracting(m -> m.library(), m -> m.level())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lantern-suicide-languages", 4));
        assertThat(engine.libraries()).filteredOn(l -> l.name().startsWith("lantern-suicide"))
                .extracting(l -> l.name(), l -> l.version()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lantern-suicide", version),
                        org.assertj.core.groups.Tuple.tuple("lantern-suicide-languages", version),
                        org.assertj.core.groups.Tuple.tuple("lantern-suicide-terms", version));
        assertThat(catalogue.summary(Category.SUICIDE).phrases()).isEqualTo(total + 1);
        assertThat(new String(catalogue.export(Category.SUICIDE), StandardCharsets.UTF_8).lines().count()).isEqualTo(total + 2);
    }

    @Test
    void aClassificationUnderWayKeepsTheMatcherItStartedWith() {
        PhraseMatcher before = engine.matcher();

        changes.remove(Category.GAMBLING, "online casino", "en", "Not a concern here", "lib.dsl");

        assertThat(before.classify("online casino", AgeBand.KS3).matches()).hasSize(1);
        assertThat(engine.matcher().classify("online casino", AgeBand.KS3).matches()).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no reason", (Change) c -> c.add(Category.GAMBLING, phrase("loot box odds", "3", Map.of()), " ", "x"),
                        "Reason: say why"),
                Arguments.of("one letter", (Change) c -> c.add(Category.GAMBLING, phrase("x", "3", Map.of()), "r", "x"),
                        "one character"),
                Arguments.of("level out of range", (Change) c -> c.add(Category.GAMBLING, phrase("loot box odds", "9", Map.of()), "r", "x"),
                        "level '9' is not a level from 1 to 5"),
                Arguments.of("band level out of range", (Change) c -> c.levels(Category.GAMBLING, "online casino", "en", "2",
                        Map.of("ks3", "6"), "r", "x"), "Level for ks3: choose a whole number from 0 to 5."),
                Arguments.of("already there", (Change) c -> c.add(Category.GAMBLING, phrase("Online Casino", "3", Map.of()), "r", "x"),
                        "already in the library"),
                Arguments.of("illegal category", (Change) c -> c.add(Category.ILLEGAL, phrase("loot box odds", "3", Map.of()), "r", "x"),
                        "never shown or changed"),
                Arguments.of("context without the phrase", (Change) c -> c.exclude(Category.GAMBLING, "online casino",
                        "maths project", "r", "x"), "does not hold the phrase"),
                Arguments.of("phrase of another category", (Change) c -> c.exclude(Category.GAMBLING, "kill myself",
                        "kill myself laughing", "r", "x"), "is not a phrase of the gambling library"));
    }

    interface Change {
        int run(LibraryChanges changes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedChangeSaysWhyAndStoresNothing(String name, Change change, String why) {
        assertThatThrownBy(() -> change.run(changes)).isInstanceOf(LibraryRejectedException.class).hasMessageContaining(why);

        assertThat(versions.latest(Category.GAMBLING)).isZero();
        assertThat(audited()).isEmpty();
        assertThat(catalogue.summary(Category.GAMBLING).version()).isEqualTo(CuratedLibraries.VERSION);
    }

    @Test
    void anImportWithBadRowsReportsEveryLineAndAppliesNothing() {
        String csv = "phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                + "loot box odds,gambling,en,3,alone,false,false,school,CC0-1.0\n"
                + "x,gambling,en,3,alone,false,false,school,CC0-1.0\n"
                + "free bets,gamblin,en,3,alone,false,false,school,CC0-1.0\n"
                + "free spins,gambling,en,7,alone,false,false,school,CC0-1.0\n"
                + "Loot Box Odds,gambling,en,2,alone,false,false,school,CC0-1.0\n"
                + "a".repeat(201) + ",gambling,en,3,alone,false,false,school,CC0-1.0\n"
                + "overdose,drugs,en,3,alone,false,false,school,CC0-1.0\n";

        assertThatThrownBy(() -> imports.importCsv(Category.GAMBLING, csv.getBytes(StandardCharsets.UTF_8), "Termly review", "lib.dsl"))
                .isInstanceOfSatisfying(LibraryRejectedException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("line 3: ").contains("one character"),
                        p -> assertThat(p).startsWith("line 4: unknown category 'gamblin'"),
                        p -> assertThat(p).startsWith("line 5: level '7' is not a level from 1 to 5"),
                        p -> assertThat(p).startsWith("line 6: same phrase, category and language as line 2"),
                        p -> assertThat(p).startsWith("line 7: phrase of 201 characters; at most 200")));
        assertThat(versions.latest(Category.GAMBLING)).isZero();
        assertThat(classify("loot box odds", AgeBand.KS3).level()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void anUnreadableOrMisplacedFileIsRefusedWithItsLine(String name, byte[] file, String why) {
        assertThatThrownBy(() -> imports.importCsv(Category.GAMBLING, file, "Termly review", "lib.dsl"))
                .isInstanceOf(LibraryRejectedException.class).hasMessageContaining(why);
        assertThat(versions.latest(Category.GAMBLING)).isZero();
    }

    static Stream<Arguments> badFiles() {
        byte[] invalid = ("phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                + "loot box odds,gambling,en,3,alone,false,false,school,CC0-1.0\nbad ").getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = java.util.Arrays.copyOf(invalid, invalid.length + 1);
        withBadByte[invalid.length] = (byte) 0xC3;
        return Stream.of(
                Arguments.of("invalid UTF-8", withBadByte, "line 3: not valid UTF-8"),
                Arguments.of("another category's row", ("phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                        + "overdose,drugs,en,3,alone,false,false,school,CC0-1.0\n").getBytes(StandardCharsets.UTF_8),
                        "line 2: category 'drugs' is not this library's ('gambling')"),
                Arguments.of("no phrases", "phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                        .getBytes(StandardCharsets.UTF_8), "the file has no phrases"));
    }

    @Test
    void anExportEditedAndImportedIsOneVersionAndAnUnchangedOneIsNone() {
        changes.add(Category.GAMBLING, phrase("=loot crate bets", "2", Map.of()), "Seen in the chat logs", "lib.dsl");
        String exported = new String(catalogue.export(Category.GAMBLING), StandardCharsets.UTF_8);

        assertThat(exported).contains("\n'=loot crate bets,gambling");
        assertThatThrownBy(() -> imports.importCsv(Category.GAMBLING, exported.getBytes(StandardCharsets.UTF_8), "No change",
                "lib.dsl")).isInstanceOf(LibraryRejectedException.class).hasMessageContaining("nothing to change");

        String edited = exported.replace("\nbet365,gambling,en,2,", "\nbet365,gambling,en,4,")
                .replaceFirst("\nsky bet,[^\n]*", "") + "loot box odds,gambling,en,3,alone,false,false,school,CC0-1.0,,,,,,\n";
        int version = imports.importCsv(Category.GAMBLING, edited.getBytes(StandardCharsets.UTF_8), "Termly review", "lib.dsl");

        assertThat(version).isEqualTo(2);
        assertThat(versions.history(Category.GAMBLING).getFirst().summary()).isEqualTo(
                "Imported " + (catalogue.summary(Category.GAMBLING).phrases()) + " phrases: 2 added or changed, 1 removed");
        assertThat(classify("bet365", AgeBand.KS3).level()).isEqualTo(4);
        assertThat(classify("sky bet", AgeBand.KS3).matches()).isEmpty();
        assertThat(classify("loot box odds", AgeBand.KS3).level()).isEqualTo(3);
        assertThat(classify("=loot crate bets", AgeBand.KS3).level()).isEqualTo(2);
    }
}
