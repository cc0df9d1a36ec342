package org.lantern.server.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The key file for two-factor secrets: made for its owner only, and refused rather than replaced when it is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class SecretKeyFileTest {

    @TempDir
    Path directory;

    private Path keyFile() {
        return directory.resolve(SecretKeyFile.DEFAULT_NAME);
    }

    private static String newKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void assumePosix() throws Exception {
        assumeThat(Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
    }

    @Test
    void aCreatedKeyFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        assumePosix();

        SecretKeyFile.create(keyFile());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void aCreatedKeyFileHoldsThe256BitKeyInBase64() throws Exception {
        SecretKey created = SecretKeyFile.create(keyFile());

        assertThat(Base64.getDecoder().decode(Files.readString(keyFile()).strip()))
                .hasSize(32).isEqualTo(created.getEncoded());
        assertThat(SecretKeyFile.read(keyFile()).getEncoded()).isEqualTo(created.getEncoded());
    }

    @Test
    void aKeyFileMadeMeanwhileByAnotherServerIsReadNotReplaced() throws Exception {
        String existing = newKey(32);
        Files.writeString(keyFile(), existing + "\n");

        SecretKey key = SecretKeyFile.create(keyFile());

        assertThat(key.getEncoded()).isEqualTo(Base64.getDecoder().decode(existing));
        assertThat(Files.readString(keyFile())).isEqualTo(existing + "\n");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(keyFile());
        }
    }

    @Test
    void aKeyFileThatIsNotBase64IsRefusedAsNotAKey() throws Exception {
        Files.writeString(keyFile(), "not a key at all!");

        assertThatThrownBy(() -> SecretKeyFile.read(keyFile()))
                .isInstanceOf(SecretKeyFile.KeyFileException.class)
                .hasMessageContaining("does not hold a key: it is not base64");
    }

    @Test
    void aKeyFileOfTheWrongLengthIsRefusedAsNotAKey() throws Exception {
        Files.writeString(keyFile(), newKey(16));

        assertThatThrownBy(() -> SecretKeyFile.read(keyFile()))
                .isInstanceOf(SecretKeyFile.KeyFileException.class)
                .hasMessageContaining("holds 16 bytes, and a key is 32 bytes (256 bits) in base64");
    }

    @Test
    void aKeyFileThatCannotBeReadIsRefusedAndLeftAlone() throws Exception {
        Files.createDirectory(keyFile());

        assertThatThrownBy(() -> SecretKeyFile.read(keyFile()))
                .isInstanceOf(SecretKeyFile.KeyFileException.class)
                .hasMessageContaining("cannot be read")
                .satisfies(e -> assertThat(((SecretKeyFile.KeyFileException) e).action())
                        .contains("does not make a new key"));
        assertThat(keyFile()).isDirectory();
    }

    @Test
    void aKeyFileThatCannotBeCreatedSaysWhereAndHowToMakeOne() throws Exception {
        Files.writeString(directory.resolve("not-a-directory"), "");
        Path impossible = directory.resolve("not-a-directory").resolve(SecretKeyFile.DEFAULT_NAME);

        assertThatThrownBy(() -> SecretKeyFile.create(impossible))
                .isInstanceOf(SecretKeyFile.KeyFileException.class)
                .hasMessageContaining("The key file " + impossible + " for two-factor secrets cannot be created")
                .satisfies(e -> assertThat(((SecretKeyFile.KeyFileException) e).action())
                        .contains("lantern.secrets.key-file"));
    }

    @Test
    void aKeyFileOthersMayReadIsUsedWithAWarning(CapturedOutput output) throws Exception {
        assumePosix();
        String key = newKey(32);
        Files.writeString(keyFile(), key);
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(SecretKeyFile.read(keyFile()).getEncoded()).isEqualTo(Base64.getDecoder().decode(key));

        assertThat(output.getAll()).contains("can be read by users other than its owner (rw-r--r--)");
    }
}
