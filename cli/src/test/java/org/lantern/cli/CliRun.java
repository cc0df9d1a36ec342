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
        CommandLine command = new CommandLine(new LanternCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    /** The server's beans on the demo database in {@code dataDir}, opened as the commands open it. */
    static ConfigurableApplicationContext openDemoDatabase(Path dataDir) {
        DatabaseOptions database = new DatabaseOptions();
        database.dataDir = dataDir.toString();
        database.demo = true;
        return database.open();
    }
}
