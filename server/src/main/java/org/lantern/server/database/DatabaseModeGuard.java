package org.lantern.server.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production server on the embedded database. An H2 file is fine for a demo
 * but not for a school's safeguarding records: it has no backups, replication or access control.
 * It runs before any bean is created, so nothing is ever written to the wrong database.
 */
public class DatabaseModeGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("lantern.mode", "production");
        String url = environment.getProperty("spring.datasource.url", "");
        if ("production".equalsIgnoreCase(mode) && DatabaseDriver.fromJdbcUrl(url) != DatabaseDriver.POSTGRESQL) {
            throw new EmbeddedDatabaseInProductionException(url);
        }
    }

    /** Thrown at start-up when production mode is pointed at anything but PostgreSQL. */
    public static final class EmbeddedDatabaseInProductionException extends IllegalStateException {
        EmbeddedDatabaseInProductionException(String url) {
            super("Lantern is in production mode but the database is not PostgreSQL (" + redact(url) + "). "
                    + "Set LANTERN_DB_URL=jdbc:postgresql://HOST:5432/lantern with LANTERN_DB_USER and "
                    + "LANTERN_DB_PASSWORD, or run './lantern demo' to try Lantern on the embedded database.");
        }

        private static String redact(String url) {
            int cut = url.indexOf(';');
            return cut < 0 ? url : url.substring(0, cut);
        }
    }
}
