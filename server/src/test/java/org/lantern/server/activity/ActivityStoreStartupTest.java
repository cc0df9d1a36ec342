package org.lantern.server.activity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.activity.store.DuckDbActivityStore;
import org.lantern.activity.store.NewerStoreException;
import org.lantern.activity.store.StoreInUseException;
import org.lantern.server.LanternApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that cannot use its activity store does not start, and says why and what to do in the
 * start-up report rather than a stack trace; the store is left as it was.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActivityStoreStartupTest {

    @TempDir
    Path dataDir;

    private Path storeFile() {
        return dataDir.toAbsolutePath().normalize().resolve(ActivityStoreConfiguration.DIRECTORY)
                .resolve(ActivityStoreConfiguration.FILE);
    }

    /** Starts the whole server (web included, on any free port) on a new in-memory database. */
    private void start() {
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.run("--lantern.mode=test", "--lantern.data-dir=" + dataDir, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:store" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                .close();
    }

    @Test
    void aStoreANewerLanternWroteStopsStartUpWithWhatToDoAndIsLeftAsItWas(CapturedOutput output) throws Exception {
        DuckDbActivityStore.open(storeFile()).close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + storeFile()); Statement s = c.createStatement()) {
            s.execute("UPDATE activity_schema SET version = 999");
        }
        String before = sha256(storeFile());

        assertThatThrownBy(this::start).hasRootCauseInstanceOf(NewerStoreException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The activity log " + storeFile() + " cannot be opened: " + storeFile()
                        + " was written by a newer Lantern (activity store version 999")
                .contains("Run the Lantern version that wrote it");
        assertThat(sha256(storeFile())).isEqualTo(before);
    }

    @Test
    void aStoreAnotherLanternHasOpenStopsStartUpWithWhatToDoAndTheOtherCarriesOn(CapturedOutput output)
            throws Exception {
        try (DuckDbActivityStore other = DuckDbActivityStore.open(storeFile())) {
            assertThatThrownBy(this::start).hasRootCauseInstanceOf(StoreInUseException.class);

            assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                    .contains("is in use by another Lantern process")
                    .contains("Stop the other Lantern server or command using this data directory");
            assertThat(other.size()).isZero();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
