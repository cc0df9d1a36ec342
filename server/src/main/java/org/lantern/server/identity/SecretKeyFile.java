package org.lantern.server.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.lantern.filter.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file holding the 256-bit AES key that {@link TotpSecrets} encrypts two-factor secrets with:
 * the key in base64 on one line, as {@code openssl rand -base64 32} writes it. The key is kept out
 * of the database so that a database dump or backup alone cannot make anyone's codes; the file must
 * be backed up separately.
 *
 * <p>A file that is there but cannot be read, or does not hold a key, stops start-up: making a new
 * key in its place would lock out every account enrolled in two-factor. Only {@link TotpSecrets}
 * uses this class, so the key goes nowhere else.
 */
final class SecretKeyFile {

    /** The key file's name in the data directory when {@code lantern.secrets.key-file} is not set. */
    static final String DEFAULT_NAME = "secrets.key";
    static final int KEY_BYTES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final String NO_NEW_KEY = " Lantern does not make a new key in its place: every account enrolled in "
            + "two-factor would be locked out.";

    private SecretKeyFile() {
    }

    /**
     * Reads the key in {@code file}.
     *
     * @throws KeyFileException if the file cannot be read or does not hold a 256-bit key in base64
     */
    static SecretKey read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("The key file " + file + " that encrypts two-factor secrets cannot be read ("
                    + e + ").", "Let the user Lantern runs as read it (its owner, mode 600)." + NO_NEW_KEY);
        }
        warnIfOthersMayRead(file);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw malformed(file, "is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw malformed(file, "holds " + key.length + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    /**
     * Makes a new random key and writes it to {@code file}, readable and writable by its owner only
     * where the file system has POSIX permissions. The file appears whole or not at all: it is
     * written under another name and then moved into place, so a crash cannot leave half a key. If
     * another server sharing the directory made the file first, that one is read instead.
     *
     * @throws KeyFileException if the file cannot be written
     */
    static SecretKey create(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            OwnerOnly.createDirectories(directory);
            partial = Files.createTempFile(directory, DEFAULT_NAME, ".new", ownerOnly(directory));
            Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            return movedIntoPlace(partial, file) ? new SecretKeySpec(key, "AES") : read(file);
        } catch (IOException e) {
            throw new KeyFileException("The key file " + file + " for two-factor secrets cannot be created (" + e + ").",
                    "Let Lantern write to " + directory + ", or create a key file yourself (openssl rand -base64 32, "
                            + "mode 600) and set lantern.secrets.key-file (LANTERN_SECRETS_KEY_FILE) to it.");
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Moves the new key file into place; false, leaving it, if a key file is there already. */
    private static boolean movedIntoPlace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) throws IOException {
        if (OwnerOnly.supported(directory)) {
            return OwnerOnly.forFileIn(directory);
        }
        LOG.warn("The file system of {} has no POSIX permissions: restrict the key file for two-factor secrets to the "
                + "account Lantern runs as with the system's own access control", directory);
        return new FileAttribute<?>[0];
    }

    /** A key readable by other users is a copy of every secret for any of them; it still works, so only warn. */
    private static void warnIfOthersMayRead(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("The key file {} for two-factor secrets can be read by users other than its owner ({}): "
                        + "restrict it with chmod 600", file, PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the permissions of the key file {} for two-factor secrets ({})", file, e.toString());
        }
    }

    private static KeyFileException malformed(Path file, String what) {
        return new KeyFileException("The key file " + file + " that encrypts two-factor secrets does not hold a key: it "
                + what + ", and a key is " + KEY_BYTES + " bytes (256 bits) in base64 on one line.",
                "Restore the file from its backup, or set lantern.secrets.key-file (LANTERN_SECRETS_KEY_FILE) to the "
                        + "right file." + NO_NEW_KEY);
    }

    /** Removes what is left of a new key file that did not make it into place, if anything is. */
    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.warn("Could not remove the unfinished key file {} ({})", partial, e.toString());
        }
    }

    /**
     * Start-up is refused because of the key file: {@link #getMessage()} says what is wrong,
     * {@link #action()} what to do, as Spring Boot's start-up failure report shows them.
     */
    static final class KeyFileException extends IllegalStateException {

        private final String action;

        KeyFileException(String problem, String action) {
            super(problem);
            this.action = action;
        }

        String action() {
            return action;
        }
    }
}
