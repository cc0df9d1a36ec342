package org.lantern.proxy.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one load read, each with what it looked like when the load named it, so that a
 * {@link FileSetReloader} can tell later, without reading them, whether what was loaded is still
 * what the files hold.
 *
 * <p>A file is fingerprinted by its size, modification time and file key (the inode on Unix):
 * a few system calls, so checks can be frequent even over a large list set. The file key catches
 * a file replaced by one of the same size and time, as {@code tar} leaves when it restores a
 * release's times. A load names each file before reading it, so an edit made while the file is
 * being read shows as a difference at the end of the load.
 */
public final class WatchedFiles {

    private final List<FileState> files = new ArrayList<>();

    /** Starts an empty set, for one load to fill. */
    public WatchedFiles() {
    }

    /**
     * Remembers what a file looks like now. Call it before reading the file.
     *
     * @param file a file the value being loaded depends on; a missing one is watched for its
     *     appearance, since the load that needs it will fail until then
     */
    public void watch(Path file) {
        files.add(FileState.of(file));
    }

    /** @return whether every file watched still looks as it did when watched */
    boolean unchanged() {
        for (FileState state : files) {
            if (!FileState.of(state.file()).equals(state)) {
                return false;
            }
        }
        return true;
    }

    /** What a file looked like, enough to notice an edit, a replacement or a removal. */
    private record FileState(Path file, long size, FileTime modified, Object key) {

        static FileState of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(file, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (IOException e) {
                // Missing or unreadable: either way the load will say which, if it comes to one.
                return new FileState(file, -1, null, null);
            }
        }
    }
}
