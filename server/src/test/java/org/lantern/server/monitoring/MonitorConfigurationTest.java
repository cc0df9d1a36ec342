package org.lantern.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.PhraseLibrary;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Which libraries the server's matcher is built from, and a start refused over lexicons that cannot be read. */
class MonitorConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void withoutALexiconsDirectoryTheCuratedLibrariesAreAll() {
        assertThat(MonitorConfiguration.libraries("")).extracting(PhraseLibrary::name)
                .containsExactly(Arrays.stream(Category.values()).flatMap(c -> CuratedLibraries.files(c).stream())
                        .map(CuratedLibraries::name).toArray(String[]::new));
    }

    @Test
    void theSharedLexiconsAreImportedAfterTheCuratedLibraries() {
        Optional<Path> lexicons = Optional.empty();
        for (Path up = Path.of("").toAbsolutePath(); up != null && lexicons.isEmpty(); up = up.getParent()) {
            lexicons = Optional.of(up.resolve("shared/data/lexicons")).filter(Files::isDirectory);
        }
        if (lexicons.isEmpty()) {
            System.err.println("SKIPPED MonitorConfigurationTest: ../shared/data/lexicons is absent");
        }
        assumeTrue(lexicons.isPresent(), "../shared/data/lexicons is absent");

        assertThat(MonitorConfiguration.libraries(lexicons.get().toString())).extracting(PhraseLibrary::name)
                .startsWith(CuratedLibraries.name(Category.SUICIDE))
                .endsWith("suicide-risk-lexicon", "ldnoobw");
    }

    @Test
    void aLexiconsDirectoryThatCannotBeImportedStopsTheStartSayingWhatToDo() {
        Path absent = dir.resolve("lexicons");

        assertThatThrownBy(() -> MonitorConfiguration.libraries(absent.toString()))
                .isInstanceOfSatisfying(LexiconsUnavailableException.class, e -> {
                    FailureAnalysis analysis = new LexiconsFailureAnalyzer().analyze(new IllegalStateException(e));
                    assertThat(analysis.getDescription()).contains(absent.toString(), "lantern.monitor.lexicons-dir",
                            "no lexicon in it");
                    assertThat(analysis.getAction()).contains("LANTERN_MONITOR_LEXICONSDIR", "suicide-risk-lexicon-v1.0.csv");
                });
    }
}
