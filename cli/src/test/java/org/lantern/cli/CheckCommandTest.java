package org.lantern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.LanternApplication;
import org.lantern.server.filtering.LocalLists;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lantern(String... args) {
        CommandLine command = new CommandLine(new LanternCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private void blockLocally(String site) {
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--lantern.mode=demo",
                "--lantern.data-dir=" + dataDir, "--lantern.bootstrap.enabled=false")) {
            context.getBean(LocalLists.class).add(LocalLists.ListName.BLOCK, site, "test", "not for school");
        }
    }

    @Test
    void aBlockedUrlIsExplainedInPlainEnglishWithExitCodeOne() {
        blockLocally("games.example");

        int code = lantern("check", "http://games.example/play", "--demo", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Blocked. http://games.example/play", "Why: ",
                "List entry: games.example on the local/local-block list.", "Policy version: 1.");
    }

    @Test
    void anAllowedUrlPrintsJsonWithExitCodeZero() {
        blockLocally("games.example");

        int code = lantern("check", "http://library.example/", "--json", "--at", "2025-03-04T10:00:00Z",
                "--demo", "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"action\":\"ALLOW\"", "\"policyVersion\":1", "\"group\":\"visitors\"");
    }

    @Test
    void anUnreadableUrlIsAnErrorWithExitCodeTwo() {
        int code = lantern("check", "gopher://old.example/", "--demo", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("UNSUPPORTED_SCHEME");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnreadableTimeIsAnErrorWithExitCodeTwo() {
        int code = lantern("check", "http://library.example/", "--at", "tuesday", "--demo", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--at");
    }
}
