package org.lantern.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lantern.server.LanternProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the whole platform on the embedded database with a demo school, for trying Lantern out. It
 * marks its data directory as a demo's, so the other commands find the database and mode without
 * flags, and filters by Lantern's own small category lists ({@link ShippedLists}) unless
 * {@code LANTERN_FILTER_LISTS} names others; it monitors with the outside lexicons of the project's
 * shared data when they are beside it ({@link #sharedLexicons}). It listens on this machine only
 * unless told otherwise.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Lantern on an embedded database (./data/) with " + LanternProperties.DEMO_SCHOOL_NAME
                + ", a made-up school on the Astley Park policy preset.")
class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:LANTERN_PORT:-8080}",
            description = "HTTP port (default: $$LANTERN_PORT, else 8080).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
                    + "network interface).")
    String bind;

    @Option(names = "--data-dir", defaultValue = DataDirectory.DEFAULT,
            description = "Where the embedded database and the demo's category lists live "
                    + "(default: $$LANTERN_DATA_DIR, else ./data).")
    String dataDir;

    @Option(names = "--icap-port",
            description = "Also run the ICAP filter for Squid in this process, on this port (loopback only).")
    Integer icapPort;

    /**
     * Lantern never ships the outside lexicons (their licences are theirs, and a school chooses
     * them); the demo shows them imported when they sit in the project's shared data beside the
     * directory it is run from, as they do for its tests.
     *
     * @param workingDir the directory the demo is run from
     * @return {@code ../shared/data/lexicons} from there, when it is a directory
     */
    static Optional<Path> sharedLexicons(Path workingDir) {
        Path dir = workingDir.toAbsolutePath().resolveSibling("shared").resolve("data").resolve("lexicons").normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    @Override
    public Integer call() {
        DataDirectory directory = DataDirectory.of(dataDir);
        directory.recordDemo();
        // A demo open to the network still answers on loopback, where the commands run.
        String host = "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
        directory.recordServerUrl("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        List<String> properties = new ArrayList<>(List.of("lantern.mode=demo", "server.port=" + port,
                "server.address=" + bind, "lantern.data-dir=" + directory.path()));
        if (System.getenv("LANTERN_FILTER_LISTS") == null) {
            ShippedLists.installIfMissing(directory.lists());
            properties.add("lantern.filter.lists=" + directory.lists());
        }
        if (System.getenv("LANTERN_MONITOR_LEXICONSDIR") == null) {
            sharedLexicons(Path.of("")).ifPresent(dir -> properties.add("lantern.monitor.lexicons-dir=" + dir));
        }
        if (icapPort != null) {
            properties.add("lantern.icap.port=" + icapPort);
        }
        return ServerLauncher.run(properties);
    }
}
