package org.lantern.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command-line error is one line on stderr saying what to do, with nothing on stdout and exit
 * code 2: never Spring's failure report or a stack trace.
 */
class CliErrorsTest {

    @TempDir
    Path empty;

    private final CliRun cli = new CliRun();

    /** What reached the process's own stdout, where Spring would print a failure report. */
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(more));
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            return cli.lantern(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
    }

    private void assertOneLineError(int code, String... saying) {
        assertThat(code).isEqualTo(CliException.CANNOT_RUN);
        assertThat(cli.out.toString()).isEmpty();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(cli.err.toString().lines().toList()).hasSize(1);
        assertThat(cli.err.toString()).contains(saying).doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check https://www.bet365.com/ --json", "token create --user admin", "audit verify", "audit head"})
    void withNoDemoAndNoDatabaseAddressACommandSaysWhereToRunItOrWhatToSet(String command) {
        int code = run(command, "--data-dir", empty.toString());

        assertOneLineError(code, "found no demo in " + empty, "'./lantern demo'", "LANTERN_DB_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check https://www.bet365.com/ --json", "token create --user admin", "audit verify", "audit head"})
    void aDemoDirectoryWithoutItsDatabaseIsNotOpenedAsANewEmptyOne(String command) {
        int code = run(command, "--demo", "--data-dir", empty.resolve("nothing-here").toString());

        assertOneLineError(code, "there is no Lantern database in " + empty.resolve("nothing-here"), "./lantern demo");
        assertThat(empty.resolve("nothing-here")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "token create --user admin --scope everything | --scope must be full or ingest",
            "activity import --token t --format csv access.log | --format must be squid or lantern",
            "activity import --token t --follow a.log b.log | --follow follows one file",
            "activity import --token t --server not-a-url access.log | is not a URL",
            "activity ship --token t --dir no-such-directory | there is no directory no-such-directory"})
    void aBadTokenScopeOrActivityArgumentIsOneLineSayingWhatToGive(String command, String saying) {
        int code = run(command, "--data-dir", empty.toString());

        assertOneLineError(code, saying);
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheHelp() {
        int code = run("token create --user admin --colour blue");

        assertOneLineError(code, "Unknown options: '--colour', 'blue'", "lantern token create --help");
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        int code = run("token create");

        assertOneLineError(code, "Missing required option: '--user=<user>'");
    }
}
