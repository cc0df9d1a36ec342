package org.lantern.proxy.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmUpUrlsTest {

    @TempDir
    Path dir;

    @Test
    void makesExactlyTheNumberAskedFor() throws Exception {
        assertThat(WarmUpUrls.make(List.of(), List.of(), 1_234)).hasSize(1_234);
    }

    @Test
    void listEntriesBecomeHitsBesideMissesAndOtherShapes() throws Exception {
        Path domains = Files.writeString(dir.resolve("domains"), "# comment\ncasino.example\n\nbets.example\n");
        Path urls = Files.writeString(dir.resolve("urls"), "poker.example/tables\n");

        List<String> made = WarmUpUrls.make(List.of(domains), List.of(urls), 400);

        assertThat(made).contains("http://www.casino.example/index.html", "http://www.bets.example/index.html",
                "http://poker.example/tables");
        assertThat(made).noneMatch(url -> url.contains("comment"));
        assertThat(made).anyMatch(url -> url.contains(".warm-up-"));
        assertThat(made).anyMatch(url -> url.startsWith("https://[2001:db8::"));
        assertThat(made).anyMatch(url -> url.startsWith("http://user:secret@"));
    }

    @Test
    void everyFourthAddressIsAShapeOtherThanAPlainMiss() throws Exception {
        List<String> made = WarmUpUrls.make(List.of(), List.of(), 60);

        for (int i = 3; i < made.size(); i += 4) {
            assertThat(made.get(i)).as("address %d", i).doesNotStartWith("https://www.warm-up-");
        }
    }

    @Test
    void anUnreadableListIsSkippedRatherThanFatal() throws Exception {
        assertThat(WarmUpUrls.make(List.of(dir.resolve("missing")), List.of(), 10)).hasSize(10);
    }
}
