package org.lantern.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void negativeReloadIntervalIsRefusedBeforeAnythingIsLoaded() {
        int code = cli.lantern("icap", "--lists", lists.toString(), "--reload-interval", "-1");

        assertThat(code).isEqualTo(2);
    }
}
