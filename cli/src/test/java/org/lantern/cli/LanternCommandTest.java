package org.lantern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class LanternCommandTest {

    @Test
    void helpListsEveryCommand() {
        CommandLine cli = new CommandLine(new LanternCommand());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("--help");

        assertThat(code).isZero();
        assertThat(cli.getSubcommands().keySet()).isNotEmpty();
        assertThat(out.toString()).contains(cli.getSubcommands().keySet());
    }

    @Test
    void anUnknownCommandIsOneLineOnStderrNamingTheHelp() {
        CliRun cli = new CliRun();

        int code = cli.lantern("frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString().lines().toList()).singleElement().asString()
                .contains("Unmatched argument", "frobnicate", "lantern --help");
    }
}
