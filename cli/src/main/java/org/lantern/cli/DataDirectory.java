package org.lantern.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.lantern.filter.files.OwnerOnly;
import org.lantern.server.DataDirectoryPermissions;
import org.lantern.server.DataDirectoryResolver;

/**
 * The data directory as the commands see it: made absolute once (the server does the same, see
 * {@link DataDirectoryResolver}), and holding a small file in which {@code lantern demo} records
 * that it is a demo's. With it, {@code lantern check}, {@code token} and {@code audit} find a demo's
 * database and mode on their own, from the default {@code ./data} or the directory given.
 */
final class DataDirectory {

    /** The default, as the server has it: {@code ./data} under the working directory. */
    static final String DEFAULT = "${env:LANTERN_DATA_DIR:-data}";
    /** Written by {@code lantern demo}: the mode the directory's database was made in. */
    static final String MODE_FILE = "lantern-mode";
    static final String DEMO = "demo";
    /** Written by {@code lantern demo}: the address it serves on, for {@code lantern activity}. */
    static final String SERVER_URL_FILE = "lantern-url";
    /** The embedded database's file, as H2 names it for {@code jdbc:h2:file:DIR/lantern}. */
    private static final String DATABASE_FILE = "lantern.mv.db";
    /** Where the demo's category lists live, and where {@code lantern lists update} puts new ones. */
    private static final String LISTS = "lists";

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    static DataDirectory of(String configured) {
        return new DataDirectory(DataDirectoryResolver.absolute(configured));
    }

    Path path() {
        return path;
    }

    /** @return whether {@code lantern demo} made this directory */
    boolean isDemo() {
        Path marker = path.resolve(MODE_FILE);
        try {
            return Files.isRegularFile(marker) && DEMO.equals(Files.readString(marker, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records that this is a demo's directory, creating the directory if need be: its owner's alone, as
     * the server keeps it ({@link DataDirectoryPermissions}).
     */
    void recordDemo() {
        try {
            OwnerOnly.createDirectories(path);
            OwnerOnly.restrict(Files.writeString(path.resolve(MODE_FILE), DEMO + "\n", StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot write to the data directory " + path + " (" + e.getMessage()
                    + "): give --data-dir a directory you can write to");
        }
    }

    /**
     * Records the address the demo serves on, so that {@code lantern activity} finds it with no
     * {@code --server}.
     */
    void recordServerUrl(String url) {
        try {
            OwnerOnly.restrict(Files.writeString(path.resolve(SERVER_URL_FILE), url + "\n", StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot write to the data directory " + path + " (" + e.getMessage()
                    + "): give --data-dir a directory you can write to");
        }
    }

    /** @return the address a demo made in this directory serves on, when it recorded one */
    Optional<String> serverUrl() {
        Path file = path.resolve(SERVER_URL_FILE);
        if (!isDemo() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String url = Files.readString(file, StandardCharsets.UTF_8).strip();
            return url.isEmpty() ? Optional.empty() : Optional.of(url);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean holdsDatabase() {
        return Files.isRegularFile(path.resolve(DATABASE_FILE));
    }

    Path lists() {
        return path.resolve(LISTS);
    }

    /** @return the category lists the demo loads, when there are any */
    Optional<Path> demoLists() {
        return Files.isDirectory(lists()) ? Optional.of(lists()) : Optional.empty();
    }
}
