package org.lantern.filter.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A list directory's provenance: its name, and the version it shows. */
class ListSourceTest {

    @TempDir
    Path root;

    private Path listFile(String category, String kind, String written) throws Exception {
        Path file = root.resolve(category).resolve(kind);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "example.org\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(written)));
        return file;
    }

    @Test
    void isNamedAfterItsDirectory() {
        assertThat(ListSource.fromDirectory(root).name()).isEqualTo(root.getFileName().toString());
        assertThat(ListSource.fromDirectory(root).root()).isEqualTo(root);
    }

    @Test
    void versionIsTheFirstLineOfAVersionFile() throws Exception {
        listFile("gambling", "domains", "2026-01-01T00:00:00Z");
        Files.writeString(root.resolve(ListSource.VERSION_FILE), "  2026-11 release \nnotes\n");

        assertThat(ListSource.fromDirectory(root).version()).isEqualTo("2026-11 release");
    }

    @Test
    void versionFileTextIsMadePrintableAndCutShort() throws Exception {
        Files.writeString(root.resolve(ListSource.VERSION_FILE), "v1\u0007<b>" + "x".repeat(200));

        String version = ListSource.fromDirectory(root).version();

        assertThat(version).startsWith("v1?<b>").hasSize(80).doesNotContain("\u0007");
    }

    @Test
    void withoutAVersionFileTheVersionIsWhenTheNewestListFileWasWritten() throws Exception {
        listFile("gambling", "domains", "2026-08-01T09:30:00Z");
        listFile("gambling", "urls", "2026-11-24T08:18:59Z");
        listFile("adult", "expressions", "2026-10-02T00:00:00Z");
        Path notAList = root.resolve("gambling").resolve("usage");
        Files.writeString(notAList, "ignored");
        Files.setLastModifiedTime(notAList, FileTime.from(Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(ListSource.fromDirectory(root).version()).isEqualTo("files of 2026-11-24 08:18 UTC");
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoListFiles() {
        assertThat(ListSource.fromDirectory(root).version()).isEqualTo("no list files");
        assertThat(ListSource.fromDirectory(root.resolve("missing")).version()).isEqualTo("no list files");
    }
}
