package org.lantern.server;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lantern's own settings ({@code lantern.*}): the run mode, where the embedded database and
 * other files live, and session limits.
 *
 * @param mode     {@code demo} allows the embedded H2 database and loads a demo school,
 *                 {@value #DEMO_SCHOOL_NAME}; {@code production} requires PostgreSQL
 * @param dataDir  directory for the embedded database and generated files
 * @param session  session limits beyond the servlet container's idle timeout
 */
@ConfigurationProperties(prefix = "lantern")
public record LanternProperties(Mode mode, Path dataDir, Session session) {

    /**
     * The demo school's name: made up, like its records, so that no made-up safeguarding record is
     * ever shown under a real school's name (its policy comes from a real school's, through a preset).
     */
    public static final String DEMO_SCHOOL_NAME = "Lantern Demo School";

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
