package org.lantern.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a category-list archive (a {@code .tar.gz} in the UT1 layout, {@code <category>/domains},
 * {@code urls}, {@code expressions}, usually under one top directory such as UT1's
 * {@code blacklists/}) into an empty directory, refusing anything that is not a whole, well-formed
 * list set: a gzip or tar stream that ends early or fails its checksum, an entry or link that would
 * land outside the directory ({@code ../evil}, {@code /etc/...}, a symbolic link pointing out, or a
 * path through one), an entry of another kind (hard links, devices), more than {@link #MAX_BYTES}
 * unpacked, or no category with a list in it. The caller unpacks beside the lists in force and swaps
 * the result in only when this returns.
 */
final class ListArchive {

    /** Far above UT1's full set (a few hundred MB unpacked), far below what would fill a disk. */
    static final long MAX_BYTES = 4L << 30;

    private static final List<String> LIST_FILES = List.of("domains", "urls", "expressions");

    /**
     * What was unpacked.
     *
     * @param root the list set's directory: the one top directory of the archive, or the directory
     *     unpacked into when there is none
     */
    record Contents(Path root, int entries, long bytes, List<String> categories) {
    }

    /** Refused: the archive is not a complete, safe list set. The message says what was wrong. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private ListArchive() {
    }

    static Contents unpack(Path archive, Path into, Progress progress) throws IOException {
        Path root = into.toRealPath();
        int entries = 0;
        long bytes = 0;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             GzipCompressorInputStream gzip = new GzipCompressorInputStream(file);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    createDirectories(root, destination, entry.getName());
                } else if (entry.isSymbolicLink()) {
                    link(root, destination, entry);
                } else if (entry.isFile()) {
                    createDirectories(root, destination.getParent(), entry.getName());
                    try (OutputStream out = Files.newOutputStream(destination)) {
                        bytes += copy(tar, out, MAX_BYTES - bytes);
                    }
                } else {
                    throw new Refused("the archive holds " + entry.getName()
                            + ", which is neither a file, a directory nor a symbolic link");
                }
                progress.unpacked(++entries, bytes);
            }
            // The tar stream stops at its end marker; reading the gzip stream to its end checks its length and CRC.
            gzip.transferTo(OutputStream.nullOutputStream());
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Refused("the archive is incomplete or damaged (" + e.getMessage() + ")");
        }
        progress.unpackDone(entries, bytes);
        linksStayInside(root);
        Path set = topDirectory(root);
        return new Contents(set, entries, bytes, categories(set));
    }

    private static Path inside(Path root, String name) throws Refused {
        if (name.startsWith("/") || name.indexOf('\0') >= 0) {
            throw new Refused("the archive holds an absolute path, " + name + ", outside the lists' directory");
        }
        Path destination = root.resolve(name).normalize();
        requireInside(root, destination, name);
        return destination;
    }

    private static void requireInside(Path root, Path path, String name) throws Refused {
        if (!path.startsWith(root)) {
            throw new Refused("the archive holds " + name + ", which would be written outside the lists' directory");
        }
    }

    /** Creates {@code dir}, first making sure that what of it exists already does not lead out through a link. */
    private static void createDirectories(Path root, Path dir, String name) throws IOException {
        Path existing = dir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        requireInside(root, existing.toRealPath(), name);
        Files.createDirectories(dir);
    }

    /** A symbolic link, as UT1 has between category names, kept only when it points inside the set. */
    private static void link(Path root, Path destination, TarArchiveEntry entry) throws IOException {
        String target = entry.getLinkName();
        if (target.startsWith("/") || !destination.getParent().resolve(target).normalize().startsWith(root)) {
            throw new Refused("the archive holds a link, " + entry.getName() + " -> " + target
                    + ", pointing outside the lists' directory");
        }
        createDirectories(root, destination.getParent(), entry.getName());
        Files.createSymbolicLink(destination, Path.of(target));
    }

    /** Links checked by where they really lead, once all are made, so a link through a link cannot lead out. */
    private static void linksStayInside(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.filter(Files::isSymbolicLink).filter(Files::exists).toList()) {
                requireInside(root, path.toRealPath(), root.relativize(path) + " -> " + Files.readSymbolicLink(path));
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, long allowed) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            copied += n;
            if (copied > allowed) {
                throw new Refused("the archive unpacks to more than " + (MAX_BYTES >> 30) + " GiB");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    /** UT1 puts its categories under {@code blacklists/}: a lone top directory is the set. */
    private static Path topDirectory(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> all = children.toList();
            return all.size() == 1 && Files.isDirectory(all.getFirst()) && !Files.isSymbolicLink(all.getFirst())
                    && !categoryNames(all.getFirst()).isEmpty() ? all.getFirst() : root;
        }
    }

    private static List<String> categories(Path set) throws IOException {
        List<String> categories = categoryNames(set);
        if (categories.isEmpty()) {
            throw new Refused("the archive holds no category lists (expected <category>/domains, as UT1 has)");
        }
        return categories;
    }

    private static List<String> categoryNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                // A link is another name for a category (UT1 has porn -> adult), not one more.
                if (Files.isDirectory(child) && !Files.isSymbolicLink(child) && LIST_FILES.stream().anyMatch(list -> Files.isRegularFile(child.resolve(list)))) {
                    names.add(child.getFileName().toString());
                }
            }
        }
        return names;
    }
}
