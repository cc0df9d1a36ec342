package org.lantern.activity.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Names a log file by what it is rather than where it is, so that a batch id made of the name and
 * a byte range ({@code d2049i1835012-5f0c3a9e81b2d467:0-1048576}) still means the same bytes after
 * logrotate renames {@code access.log} to {@code access.log.1}, and a reader that finds the file
 * under its new name resumes where it stopped instead of storing it again.
 *
 * <p>The name is the file's device and inode numbers where the file system has them, plus a hash
 * of its first line. The inode alone survives a rename but is reused once a rotated file is
 * deleted, and a new log taking an old one's number would have its batches taken as already
 * stored; {@code copytruncate} rotation keeps the inode but starts the file again. The first line
 * (time-stamped to the millisecond in both formats read here) tells those apart, and alone still
 * survives renames and copies where there are no inodes (Windows). Size is not used: the file
 * grows while it is read.
 */
public final class FileIdentity {

    /** How much of the first line is hashed: enough to be unique, little enough to read at once. */
    static final int FIRST_LINE_BYTES = 4096;

    private FileIdentity() {}

    /**
     * @param file a log file
     * @return its identity, at most 80 characters, or {@code null} while it has no complete first
     *     line yet (nothing of it can be read before then)
     * @throws IOException when the file cannot be read
     */
    public static String of(Path file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(FIRST_LINE_BYTES);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (head.hasRemaining() && in.read(head) > 0) {
                // fill what there is, up to the limit
            }
        }
        int end = -1;
        for (int i = 0; i < head.position(); i++) {
            if (head.get(i) == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0 && head.hasRemaining()) {
            return null;
        }
        String hash = sha256Prefix(head.array(), end < 0 ? FIRST_LINE_BYTES : end);
        String inode = inode(file);
        return inode == null ? hash : inode + "-" + hash;
    }

    /** @return {@code d<device>i<inode>}, or {@code null} where the file system has no such numbers */
    private static String inode(Path file) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino");
            return "d" + unix.get("dev") + "i" + unix.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256Prefix(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
