package org.lantern.filter.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a set of category lists comes from: a name and version for provenance, and a directory
 * in the UT1 / squidGuard layout ({@code <root>/<category>/{domains,urls,expressions}}).
 *
 * @param name short source name shown in every match, e.g. {@code ut1}
 * @param version the list release, e.g. a date, recorded in reports
 * @param root the directory holding one folder per category
 */
public record ListSource(String name, String version, Path root) {

    /** The longest version taken from a {@value #VERSION_FILE} file; the rest is cut off. */
    private static final int MAX_VERSION_LENGTH = 80;

    /** A file whose first line names the release, for list publishers and schools that keep one. */
    public static final String VERSION_FILE = "VERSION";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Rejects missing parts. */
    public ListSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(root, "root");
    }

    /**
     * A source named after its directory, with the version the directory shows: the first line of
     * its {@value #VERSION_FILE} file, or else when its newest list file was written. UT1 and most
     * lists are published as bare directories, so the files' date is what tells a network manager
     * whether an update arrived.
     *
     * @param root the directory holding one folder per category
     * @return the source; an unreadable or empty directory gets the version {@code "no list files"}
     */
    public static ListSource fromDirectory(Path root) {
        Path fileName = root.getFileName();
        return new ListSource(fileName == null ? root.toString() : fileName.toString(), versionOf(root), root);
    }

    private static String versionOf(Path root) {
        try {
            Path versionFile = root.resolve(VERSION_FILE);
            if (Files.isRegularFile(versionFile)) {
                try (BufferedReader reader = Files.newBufferedReader(versionFile, StandardCharsets.UTF_8)) {
                    String line = reader.readLine();
                    String printable = line == null ? "" : line.strip().replaceAll("\\p{Cntrl}", "?");
                    if (!printable.isEmpty()) {
                        return printable.length() > MAX_VERSION_LENGTH ? printable.substring(0, MAX_VERSION_LENGTH) : printable;
                    }
                }
            }
            Optional<FileTime> newest;
            try (Stream<Path> files = Files.walk(root, 2)) {
                newest = files.filter(f -> ListKind.ofFileName(f.getFileName().toString()).isPresent())
                        .filter(Files::isRegularFile)
                        .map(ListSource::modified)
                        .max(Comparator.naturalOrder());
            }
            return newest.map(time -> "files of " + MINUTE.format(time.toInstant())).orElse("no list files");
        } catch (IOException | UncheckedIOException e) {
            return "no list files";
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
