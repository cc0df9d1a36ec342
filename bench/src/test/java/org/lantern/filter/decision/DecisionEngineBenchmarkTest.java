package org.lantern.filter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test: the benchmark's state sets up on a tiny synthetic data folder and its methods
 * decide, so a broken benchmark fails the build without any benchmark running during it.
 */
class DecisionEngineBenchmarkTest {

    @Test
    void setsUpOnASyntheticListAndDecides(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("lists/ut1/gambling"));
        Files.writeString(data.resolve("lists/ut1/gambling/domains"), "bet.example\n");
        Files.createDirectories(data.resolve("lists/porn-top1m/adult"));
        Files.writeString(data.resolve("lists/porn-top1m/adult/domains"), "adult.example\n");
        Files.createDirectories(data.resolve("urls"));
        Files.writeString(data.resolve("urls/stream-200k.txt"),
                "http://www.bet.example/\nhttps://adult.example/x\nhttp://school.example/\nhttp://a b.example/\n");

        DecisionEngineBenchmark benchmark = new DecisionEngineBenchmark();
        benchmark.setUp(data);

        assertThat(benchmark.requestCount()).isEqualTo(3);
        assertThat(benchmark.decide().action()).isEqualTo(Action.BLOCK);
        assertThat(benchmark.decide().action()).isEqualTo(Action.BLOCK);
        assertThat(benchmark.decide().action()).isEqualTo(Action.ALLOW);
        assertThat(benchmark.normaliseAndDecide()).isInstanceOf(Decision.class);
        for (int i = 0; i < 3; i++) {
            assertThat(benchmark.normaliseAndDecide()).isNotNull();
        }
    }
}
