package org.lantern.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The activity log from the terminal: {@code import} sends log files (Squid's access.log, or
 * Lantern's decision log) to a running server, and {@code ship} keeps a proxy's decision-log
 * directory flowing to it. Both ask the server where each file got to and send on from there, so
 * nothing is stored twice however often they run; the server keeps the position, these keep none.
 */
@Command(name = "activity", mixinStandardHelpOptions = true,
        description = "Send web activity logs to the server's activity log.",
        subcommands = {ActivityCommand.Import.class, ActivityCommand.Ship.class})
class ActivityCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the server is and the token to send with, shared by both subcommands. */
    static class ServerOptions {
        @Option(names = "--server", paramLabel = "URL", description = "The Lantern server (default: $$LANTERN_SERVER, "
                + "else the demo running from --data-dir, else http://localhost:8080).")
        String server;

        @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:LANTERN_TOKEN}",
                description = "An API token that may ingest (default: $$LANTERN_TOKEN); make one with "
                        + "'lantern token create --user admin --scope ingest'.")
        String token;

        @Option(names = "--data-dir", defaultValue = DataDirectory.DEFAULT,
                description = "A demo's data directory, to find the demo's address (default: $$LANTERN_DATA_DIR, else ./data).")
        String dataDir;

        IngestClient client() {
            return new IngestClient(serverUrl(server, dataDir), token(token, "'./lantern token create --user admin --scope ingest'"));
        }

        /**
         * @param token  the token given, or null
         * @param create the command that makes a fitting one, for the error
         * @return the token, stripped
         * @throws CliException when none is given
         */
        static String token(String token, String create) {
            if (token == null || token.isBlank()) {
                throw new CliException("no API token: give --token TOKEN or set LANTERN_TOKEN (make one with " + create + ")");
            }
            return token.strip();
        }

        /**
         * @param server  the address given, or null or blank for none
         * @param dataDir a demo's data directory
         * @return the address given, else $LANTERN_SERVER, else the demo's running from {@code dataDir},
         *         else http://localhost:8080
         */
        static String serverUrl(String server, String dataDir) {
            if (server != null && !server.isBlank()) {
                return server.strip();
            }
            String fromEnvironment = System.getenv("LANTERN_SERVER");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return fromEnvironment.strip();
            }
            return DataDirectory.of(dataDir).serverUrl().orElse("http://localhost:8080");
        }
    }

    /** Whether a person is watching: progress lines would only clutter a log or a pipe. */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later give a console even when redirected and say whether it is a terminal;
            // this code compiles for Java 21, where a console at all means a terminal.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** {@code lantern activity import}: sends log files once, or follows one. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Send log files to the server's activity log, each line once however often it is run; "
                    + "prints 'imported N, duplicates D, bad B' last.")
    static class Import implements Callable<Integer> {

        private static final int RETRY_SECONDS = 5;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--format", defaultValue = "squid", paramLabel = "squid|lantern",
                description = "squid (Squid's native access.log; the default) or lantern (a decision log).")
        String format;

        @Option(names = "--follow", description = "Keep sending new lines as they are written, across log rotation, "
                + "until stopped (one file).")
        boolean follow;

        @Option(names = "--json", description = "Print the counts as JSON alone on stdout.")
        boolean json;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files, sent in the order given.")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            if (!"squid".equals(format) && !"lantern".equals(format)) {
                throw new CliException("--format must be squid or lantern, not '" + format + "'",
                        CommandLine.ExitCode.USAGE);
            }
            if (follow && files.size() != 1) {
                throw new CliException("--follow follows one file: give one FILE", CommandLine.ExitCode.USAGE);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportTotals totals = new ImportTotals(err, onTerminal());
            LogSender sender = new LogSender(server.client(), format, totals);
            for (Path file : files) {
                if (!sendFile(sender, file, err)) {
                    break;
                }
            }
            totals.sayUnattributed();
            out.println(json ? totals.json() : totals.line());
            out.flush();
            return 0;
        }

        /**
         * Sends one file; when following, rides out the server's restarts and network failures as
         * {@code ship} does, since a follower is left running unattended beside a proxy.
         *
         * @return false when stopped, so no further file is sent
         */
        private boolean sendFile(LogSender sender, Path file, PrintWriter err) {
            while (true) {
                try {
                    sender.send(file, () -> follow);
                    return true;
                } catch (InterruptedException e) {
                    // Following ends when stopped; what was sent is stored, and the counts still end the output.
                    return false;
                } catch (NoSuchFileException e) {
                    throw new CliException("there is no file " + file + ": give the path of a log file");
                } catch (IOException e) {
                    throw new CliException("cannot read " + file + ": " + CliException.rootMessage(e));
                } catch (IngestClient.Unreachable e) {
                    if (Thread.interrupted()) {
                        // Stopped while a stretch was on its way: it is stored or not, and sent again next time.
                        return false;
                    }
                    if (!follow) {
                        throw new CliException(e.getMessage() + "; what was sent is stored, run it again to go on");
                    }
                    err.println(e.getMessage() + "; trying again in " + RETRY_SECONDS + " s");
                    err.flush();
                    try {
                        Thread.sleep(RETRY_SECONDS * 1000L);
                    } catch (InterruptedException stopped) {
                        return false;
                    }
                }
            }
        }
    }

    /** {@code lantern activity ship}: keeps a decision-log directory flowing to the server. */
    @Command(name = "ship", mixinStandardHelpOptions = true,
            description = "Keep sending a proxy's decision log (decisions-*.jsonl, from 'lantern squid-helper') to the "
                    + "server, resuming where it stopped after a restart or a network failure.")
    static class Ship implements Callable<Integer> {

        private static final String GLOB = "decisions-*.jsonl";

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--dir", paramLabel = "DIR", description = "The decision-log directory (default: the data "
                + "directory's decisions).")
        Path dir;

        @Option(names = "--interval", defaultValue = "5", paramLabel = "SECONDS",
                description = "Seconds between looks for new lines (default: ${DEFAULT-VALUE}).")
        int interval;

        @Option(names = "--once", description = "Send what is there now and stop, e.g. from cron.")
        boolean once;

        @Option(names = "--json", description = "With --once, print the counts as JSON alone on stdout.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path directory = dir != null ? dir : DataDirectory.of(server.dataDir).path().resolve("decisions");
            if (!Files.isDirectory(directory)) {
                throw new CliException("there is no directory " + directory + ": give --dir, the directory of the "
                        + "decision log ('lantern squid-helper --decision-log DIR')");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            IngestClient client = server.client();
            Map<Path, Long> sizeSent = new HashMap<>();
            while (true) {
                ImportTotals totals = new ImportTotals(err, false);
                LogSender sender = new LogSender(client, "lantern", totals);
                try {
                    for (Path file : files(directory)) {
                        long size = Files.size(file);
                        // Unchanged since it was last sent whole: no need to ask the server again.
                        if (!Long.valueOf(size).equals(sizeSent.get(file))) {
                            sender.send(file, () -> false);
                            sizeSent.put(file, size);
                        }
                    }
                } catch (IngestClient.Unreachable e) {
                    if (once) {
                        throw new CliException(e.getMessage() + "; what was sent is stored, run it again to go on");
                    }
                    err.println(e.getMessage() + "; trying again in " + interval + " s");
                    err.flush();
                }
                if (once) {
                    out.println(json ? totals.json() : totals.line());
                    out.flush();
                    return 0;
                }
                if (totals.any()) {
                    out.println(totals.line());
                    out.flush();
                }
                try {
                    Thread.sleep(interval * 1000L);
                } catch (InterruptedException e) {
                    // Stopped: what was sent is stored, and the next start goes on from there.
                    return 0;
                }
            }
        }

        private static List<Path> files(Path directory) throws IOException {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, GLOB)) {
                found.forEach(files::add);
            }
            // Day files sort by name in date order.
            files.sort(null);
            return files;
        }
    }
}
