package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.PhraseLibrary;
import org.junit.jupiter.api.Test;

/** One matcher shared by every proxy thread gives each the answer it would give alone. */
class ThreadSafetyTest {

    @Test
    void sharedMatcherAnswersEveryThreadAsIfAlone() throws Exception {
        PhraseMatcher matcher = PhraseMatcher.build(List.of(PhraseLibrary.starter()));
        List<String> texts = List.of("i want to k1ll myself", "times tables", "suicide squad", "kill all immigrants",
                "suicide hotline", "ѕuicide", "isis osiris", "send nudes", "jump off the bridge", "weed killer");
        List<Classification> expected = texts.stream().map(t -> matcher.classify(t, AgeBand.KS3)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int k = (i + offset) % texts.size();
                        assertThat(matcher.classify(texts.get(k), AgeBand.KS3)).isEqualTo(expected.get(k));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(20_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
