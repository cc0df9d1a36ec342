package org.lantern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Runs the {@code lantern} command line in-process and keeps what it prints, for CLI tests. */
final class CliRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int lantern(String... args) {
        CommandLine command = LanternCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    /**
     * The server's beans on a demo database in {@code dataDir}, made if need be and marked as the
     * demo's as {@code lantern demo} marks it, opened as the commands open it.
     */
    static ConfigurableApplicationContext openDemoDatabase(Path dataDir) {
        DataDirectory directory = DataDirectory.of(dataDir.toString());
        directory.recordDemo();
        return DatabaseOptions.boot(directory, true);
    }
}
