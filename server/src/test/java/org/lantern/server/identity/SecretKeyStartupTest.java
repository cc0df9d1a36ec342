package org.lantern.server.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.LanternApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The key file for two-factor secrets as a whole server start meets it, on a new embedded database. */
@ExtendWith(OutputCaptureExtension.class)
class SecretKeyStartupTest {

    @TempDir
    Path dataDir;

    /** Starts the server's beans (no web server) on a new in-memory database with {@code dataDir} as its data directory. */
    private ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--lantern.mode=test", "--lantern.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:mem:keys" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(properties));
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args.toArray(String[]::new));
    }

    @Test
    void theFirstStartCreatesTheKeyFileInTheDataDirectoryForItsOwnerOnly() throws Exception {
        assumeThat(Files.getFileStore(dataDir).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();

        start().close();

        Path keyFile = dataDir.resolve(SecretKeyFile.DEFAULT_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void anExistingMalformedKeyFileStopsStartUpWithAClearMessage(CapturedOutput output) throws Exception {
        Path keyFile = dataDir.resolve("configured.key");
        Files.writeString(keyFile, "not a key\n");

        assertThatThrownBy(() -> start("--lantern.secrets.key-file=" + keyFile))
                .hasRootCauseInstanceOf(SecretKeyFile.KeyFileException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The key file " + keyFile + " that encrypts two-factor secrets does not hold a key")
                .contains("Restore the file from its backup");
        assertThat(Files.readString(keyFile)).isEqualTo("not a key\n");
    }
}
