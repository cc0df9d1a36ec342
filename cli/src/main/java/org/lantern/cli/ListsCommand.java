package org.lantern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Category lists from the terminal. {@code lantern lists update} fetches the UT1 archive, checks and
 * unpacks it beside the lists in force ({@link ListArchive}), and only then swaps it in whole: the
 * old directory is moved aside and the new one moved into its place, two renames in the same
 * directory, then the old one is deleted. A download or archive that fails any check changes
 * nothing. The default directory is the one {@code lantern demo} loads, {@code <data-dir>/lists}.
 */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Manage the category lists.",
        subcommands = {ListsCommand.Update.class})
class ListsCommand implements Runnable {

    /** UT1's published address for its whole list set (Universite Toulouse 1 Capitole). */
    static final String UT1 = "https://dsi.ut-capitole.fr/blacklists/download/blacklists.tar.gz";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lantern lists update}: download, check, unpack beside, swap in whole. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Download the UT1 category lists (a .tar.gz), check them and swap them in whole for the "
                    + "lists in DIR; anything wrong changes nothing.")
    static class Update implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", paramLabel = "URL", defaultValue = UT1,
                description = "Where to download the archive from (default: ${DEFAULT-VALUE}).")
        URI from;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "The list directory to replace (default: the demo's, lists in the data directory).")
        Path dir;

        @Option(names = "--data-dir", defaultValue = DataDirectory.DEFAULT,
                description = "The data directory whose lists to replace when no --dir is given "
                        + "(default: $$LANTERN_DATA_DIR, else ./data).")
        String dataDir;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path target = dir != null ? dir.toAbsolutePath().normalize() : DataDirectory.of(dataDir).lists();
            Path parent = target.getParent();
            if (!Files.isDirectory(parent)) {
                throw new CliException("there is no directory " + parent + " to put the lists in: create it, or give "
                        + "--dir DIR");
            }
            PrintWriter err = spec.commandLine().getErr();
            Progress progress = new Progress(err, "lantern lists update: ");
            String name = target.getFileName().toString();
            Path archive = Files.createTempFile(parent, name + ".download-", ".tar.gz");
            Path staging = Files.createTempDirectory(parent, name + ".new-");
            try {
                err.println("lantern lists update: downloading " + from);
                download(archive, progress);
                ListArchive.Contents contents = unpack(archive, staging, progress);
                readableByAll(contents.root());
                swapIn(contents.root(), target);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Updated " + target + ": " + contents.categories().size() + " categories from " + from
                        + ". A running Lantern server loads them when it next starts.");
                out.flush();
                return 0;
            } finally {
                Files.deleteIfExists(archive);
                deleteTree(staging);
            }
        }

        private void download(Path archive, Progress progress) throws InterruptedException {
            try {
                ListDownload.fetch(from, archive, progress);
            } catch (HttpTimeoutException e) {
                throw new CliException("the server at " + from + " did not answer in time: try again later");
            } catch (IOException e) {
                throw new CliException("cannot download " + from + " (" + CliException.rootMessage(e)
                        + "): check the address and the network, then try again; the lists in force are unchanged");
            } catch (IllegalArgumentException e) {
                throw new CliException("--from: " + from + " is not an http or https address");
            }
        }

        private static ListArchive.Contents unpack(Path archive, Path staging, Progress progress) throws IOException {
            try {
                return ListArchive.unpack(archive, staging, progress);
            } catch (ListArchive.Refused e) {
                throw new CliException("refused: " + e.getMessage() + "; the lists in force are unchanged");
            }
        }
    }

    /**
     * A temporary directory is its owner's alone; the lists replace a directory that Squid's helpers,
     * running as another user, may read, so the set's own directory is made readable as an unpacked one is.
     */
    private static void readableByAll(Path lists) throws IOException {
        if (Files.getFileStore(lists).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(lists, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The old lists moved aside, the new moved into their place, the old deleted; put back if the second move fails. */
    private static void swapIn(Path lists, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(lists, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), target.getFileName() + ".old-");
        Path aside = old.resolve(target.getFileName());
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(lists, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /** Deletes a directory tree without following links out of it. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
