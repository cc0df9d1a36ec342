package org.lantern.filter.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files and directories that only the account Lantern runs as may open: the decision log (named
 * pupils' browsing), the keys, the embedded database. Java cannot set the process's umask, so
 * every place that makes such a file asks for owner-only permissions here as it makes it, and a
 * file or directory left wider by an earlier version is narrowed with {@link #restrict}.
 *
 * <p>It lives in {@code filter}, the lowest module that writes personal data (the decision log),
 * so the proxy, server and command line share it. On a file system without POSIX permissions
 * nothing is changed: {@link #supported} says so, for the caller to warn.
 */
public final class OwnerOnly {

    /** A file its owner may read and write: {@code rw-------} (600). */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** A directory its owner may list, enter and change: {@code rwx------} (700). */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> OTHERS_AND_GROUP = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /**
     * @param path a file or directory, which need not exist yet
     * @return whether the file system it is (or would be) on has POSIX permissions
     * @throws IOException if no part of the path exists or its file system cannot be asked
     */
    public static boolean supported(Path path) throws IOException {
        Path existing = path.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
            if (existing == null) {
                throw new IOException("no part of " + path + " exists");
            }
        }
        return Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /**
     * @param directory where the file will be made
     * @return the attributes that make a new file owner-only there: none on a file system without
     *     POSIX permissions
     */
    public static FileAttribute<?>[] forFileIn(Path directory) throws IOException {
        return supported(directory)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Makes {@code directory} and any missing parents as {@link Files#createDirectories} does, each
     * one Lantern makes owner-only; directories already there are left as they are.
     *
     * @return {@code directory}
     */
    public static Path createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        return supported(directory)
                ? Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY))
                : Files.createDirectories(directory);
    }

    /**
     * Takes every permission of group and others away from {@code path}, leaving its owner's, so a
     * file or directory made wider (by an earlier version, a restore, a umask) becomes its owner's
     * alone. A symbolic link is not followed: only Lantern's own files are narrowed.
     *
     * @return the permissions it had, when they were wider; empty when there was nothing to take
     *     away, or the file system has no POSIX permissions
     * @throws IOException if the permissions cannot be read or changed (a file owned by another user)
     */
    public static Optional<String> restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> had = view.readAttributes().permissions();
        Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
        kept.addAll(had);
        if (!kept.removeAll(OTHERS_AND_GROUP)) {
            return Optional.empty();
        }
        view.setPermissions(kept);
        return Optional.of(PosixFilePermissions.toString(had));
    }
}
