package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test: the benchmark's state sets up on a tiny synthetic stream and its methods classify,
 * so a broken benchmark fails the build without any benchmark running during it.
 */
class PhraseMatcherBenchmarkTest {

    @Test
    void setsUpOnASyntheticStreamAndClassifies(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("urls"));
        Files.writeString(data.resolve("urls/stream-200k.txt"),
                "https://www.google.com/search?q=times+tables\nhttp://school.example/\n"
                        + "https://www.youtube.com/results?search_query=k1ll+myself&x=1\n");

        PhraseMatcherBenchmark benchmark = new PhraseMatcherBenchmark();
        benchmark.setUp(data);

        assertThat(benchmark.searchCount()).isEqualTo(2);
        assertThat(benchmark.searches().level()).isZero();
        assertThat(benchmark.searches().level()).isEqualTo(5);
        for (int i = 0; i < PhraseMatcherBenchmark.OBFUSCATED.length; i++) {
            assertThat(benchmark.obfuscated()).isNotNull();
        }
    }
}
