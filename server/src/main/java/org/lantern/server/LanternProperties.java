package org.lantern.server;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lantern's own settings ({@code lantern.*}): the run mode, where the embedded database and
 * other files live, and session limits.
 *
 * @param mode     {@code demo} allows the embedded H2 database and loads a demo school;
 *                 {@code production} requires PostgreSQL
 * @param dataDir  directory for the embedded database and generated files
 * @param session  session limits beyond the servlet container's idle timeout
 */
@ConfigurationProperties(prefix = "lantern")
public record LanternProperties(Mode mode, Path dataDir, Session session) {

    public LanternProperties {
        if (mode == null) {
            mode = Mode.PRODUCTION;
        }
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (session == null) {
            session = new Session(Duration.ofHours(8));
        }
    }

    /** How Lantern is being run. */
    public enum Mode { DEMO, PRODUCTION, TEST }

    /** @param absoluteTimeout a session ends this long after logon, however active */
    public record Session(Duration absoluteTimeout) {
    }
}
