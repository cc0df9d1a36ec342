package org.lantern.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.lantern.filter.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the data directory its owner's alone: it holds the embedded database (every safeguarding
 * record), the keys, and the decision log (named pupils' browsing, in production too).
 *
 * <p>Why the directory itself is {@code rwx------} (700), not only the files in it: H2 makes its
 * own files (the database, the lock file holding the {@code AUTO_SERVER} key, the trace file,
 * temporary files) with the process's umask, at names anyone can guess, and some of them afresh at
 * each start or later; Java cannot set the umask. A directory nobody else may enter covers every
 * file in it, whenever and however it was made. The price is that another account cannot reach
 * anything inside it, so category lists that Squid's helpers (running as {@code proxy}) read belong
 * outside it, as the README's production set-up has them ({@code LANTERN_FILTER_LISTS},
 * squidGuard's {@code dbhome}); {@code lists} in the data directory is the demo's, read by the
 * demo's own process. A key another account needs ({@code block-page.key} for {@code lantern
 * squid-helper}) is copied out to it by the administrator.
 *
 * <p>{@link #prepare} runs before anything is written (from {@link DataDirectoryResolver}): it makes
 * the directory owner-only, or narrows one found wider with a warning. Once the application is
 * ready, each file directly in the directory (the database's, the mode marker, the keys) is narrowed
 * too, so a copy of one taken out of the directory keeps its owner-only permissions. The decision log
 * narrows its own files ({@code org.lantern.filter.log.DecisionLog}); the lists are left as they are.
 */
@Component
public class DataDirectoryPermissions {

    /** The decision log of the in-process ICAP filter, in the data directory. */
    public static final String DECISIONS = "decisions";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryPermissions.class);

    private final LanternProperties lantern;
    private final String listDirectories;

    DataDirectoryPermissions(LanternProperties lantern, @Value("${lantern.filter.lists:}") String listDirectories) {
        this.lantern = lantern;
        this.listDirectories = listDirectories;
    }

    /**
     * Makes {@code dataDir} owner-only: created so if missing, narrowed with a warning if others may
     * use it. Never stops start-up: a directory Lantern cannot create or change fails later with its
     * own error, or works as the administrator made it.
     *
     * @param log the start-up log, which is not ready yet while the environment is being prepared
     */
    static void prepare(Path dataDir, Log log) {
        try {
            if (!OwnerOnly.supported(dataDir)) {
                log.warn("The file system of the data directory " + dataDir + " has no POSIX permissions: restrict it "
                        + "to the account Lantern runs as with the system's own access control");
                return;
            }
            if (!Files.exists(dataDir, LinkOption.NOFOLLOW_LINKS)) {
                OwnerOnly.createDirectories(dataDir);
                return;
            }
            Optional<String> had = OwnerOnly.restrict(dataDir.toRealPath());
            had.ifPresent(permissions -> log.warn("The data directory " + dataDir + " could be used by other accounts ("
                    + permissions + "); it is now its owner's alone (rwx------)"));
        } catch (IOException e) {
            log.warn("Could not make the data directory " + dataDir + " its owner's alone (" + e
                    + "): chmod 700 it as its owner");
        }
    }

    /**
     * Narrows the files in the data directory that H2 and earlier versions made with the umask, and the
     * decision log's directory, which the log itself leaves as it finds it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void restrictFiles() {
        Path dataDir = lantern.dataDir();
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path file : entries.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                OwnerOnly.restrict(file);
            }
            Path decisions = dataDir.resolve(DECISIONS);
            if (Files.isDirectory(decisions, LinkOption.NOFOLLOW_LINKS)) {
                OwnerOnly.restrict(decisions);
            }
        } catch (IOException e) {
            LOG.warn("Could not make the files in the data directory {} their owner's alone ({}): chmod 600 them",
                    dataDir, e.toString());
        }
        warnOfListsInside(dataDir);
    }

    /** In production another account (Squid's helpers) may read the lists, and cannot enter the data directory. */
    private void warnOfListsInside(Path dataDir) {
        if (lantern.mode() != LanternProperties.Mode.PRODUCTION) {
            return;
        }
        Arrays.stream(listDirectories.split(",")).map(String::strip).filter(dir -> !dir.isEmpty())
                .map(DataDirectoryResolver::absolute).filter(dir -> dir.startsWith(dataDir))
                .forEach(dir -> LOG.warn("The category lists {} are inside the data directory, which only the account "
                        + "Lantern runs as may enter: if Squid's helpers read them as another account, move them out "
                        + "(e.g. /var/lib/lantern/lists) and point LANTERN_FILTER_LISTS there", dir));
    }
}
