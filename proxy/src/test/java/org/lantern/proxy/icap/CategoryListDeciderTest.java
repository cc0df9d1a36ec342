package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryListDeciderTest {

    @TempDir
    Path lists;

    @Test
    void listFileOfBinaryJunkIsLoadedWithItsBadLinesSkippedAndCountedAndTheGoodOnesBlock() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.createDirectories(lists.resolve("gambling"));
        Files.write(lists.resolve("gambling/urls"), junk);
        Files.writeString(lists.resolve("gambling/domains"), "casino.example\n");
        List<String> progress = new ArrayList<>();

        CategoryListDecider decider = CategoryListDecider.load(lists, "test", Set.of("gambling"), progress::add);

        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("loaded gambling/urls: ")
                .containsPattern(", [1-9][0-9]* skipped$"));
        assertThat(decider.decide("http://casino.example/", "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
        assertThat(decider.decide("http://school.example/", "GET", "", "")).isEqualTo(IcapVerdict.ALLOW);
    }

    @Test
    void youtubeGetsTheRestrictHeaderAndSearchesTheirSafeMode() throws Exception {
        Files.createDirectories(lists.resolve("gambling"));
        Files.writeString(lists.resolve("gambling/domains"), "casino.example\n");
        CategoryListDecider decider = CategoryListDecider.load(lists, "test", Set.of("gambling"), line -> { });

        assertThat(decider.decide("http://m.youtube.com/watch?v=1", "GET", "", ""))
                .isEqualTo(new IcapVerdict.Rewrite(null, Map.of("YouTube-Restrict", "Strict")));
        assertThat(decider.decide("http://www.bing.com/search?q=x", "GET", "", ""))
                .isEqualTo(new IcapVerdict.Rewrite("http://www.bing.com/search?q=x&adlt=strict"));
    }
}
