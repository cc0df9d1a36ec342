package org.lantern.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.policy.Category;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedListsTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCategoryShippedIsOneThePresetsNameSoNoListIsDeadWeight() {
        Set<String> named = Presets.names().stream().map(Presets::yaml).map(PolicyParser::parse)
                .flatMap(policy -> policy.categories().stream()).map(Category::lists).flatMap(List::stream)
                .collect(Collectors.toSet());

        Set<String> shipped = ShippedLists.files().stream().filter(file -> file.contains("/"))
                .map(file -> file.substring(0, file.indexOf('/'))).collect(Collectors.toSet());

        assertThat(shipped).isNotEmpty().allSatisfy(category -> assertThat(named).contains(category));
    }

    @Test
    void installingWritesEveryFileOnceAndLeavesListsAlreadyThereAlone() throws Exception {
        Path lists = dataDir.resolve("lists");

        ShippedLists.installIfMissing(lists);

        for (String file : ShippedLists.files()) {
            assertThat(lists.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(lists.resolve("gambling/domains"))).contains("bet365.com")
                .allMatch(line -> line.matches("[a-z0-9.-]+"), "a plain lower-case host name");
        Files.writeString(lists.resolve("gambling/domains"), "updated.example\n");

        ShippedLists.installIfMissing(lists);

        assertThat(lists.resolve("gambling/domains")).hasContent("updated.example");
        try (var siblings = Files.list(dataDir)) {
            assertThat(siblings).containsExactly(lists);
        }
    }
}
