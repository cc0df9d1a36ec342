package org.lantern.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IcapCommandTest {

    @TempDir
    Path lists;

    private final CliRun cli = new CliRun();

    @Test
    void helpSaysHowOftenTheListsAreCheckedForChanges() {
        int code = cli.lantern("icap", "--help");

        assertThat(code).isZero();
        assertThat(cli.out.toString()).contains("--reload-interval=SECONDS");
    }

    @ParameterizedTest
    @CsvSource({"--reload-interval, -1", "--warm-up, -1", "--max-connections-per-client, 0"})
    void numberOutOfRangeIsRefusedBeforeAnythingIsLoaded(String option, String value) {
        int code = cli.lantern("icap", "--lists", lists.toString(), option, value);

        assertThat(code).isEqualTo(2);
    }
}
