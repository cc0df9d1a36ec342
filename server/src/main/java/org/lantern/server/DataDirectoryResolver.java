package org.lantern.server;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code lantern.data-dir} absolute once, before any bean reads it, so the embedded
 * database's URL, the two-factor key file and the decision log all name the same directory
 * whatever the working directory. H2 refuses a database path "implicitly relative to the current
 * working directory", which is what the default {@code ./data} became in the URL: the first
 * {@code ./lantern demo} of a fresh clone failed on it.
 *
 * <p>Also keeps the embedded database's {@code AUTO_SERVER} port (which lets {@code lantern check},
 * {@code token} and {@code audit} open the database while the server runs) on loopback: H2 otherwise
 * listens on every interface and records the machine's network address for the second process to
 * connect to. H2 reads {@code h2.bindAddress} once, so it is set here, before H2 is first used, unless
 * set already.
 *
 * <p>And makes the directory its owner's alone before anything is written in it
 * ({@link DataDirectoryPermissions}).
 */
public class DataDirectoryResolver implements EnvironmentPostProcessor {

    static final String PROPERTY = "lantern.data-dir";
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private final Log log;

    /** @param logs Spring Boot's start-up log, written out once logging is set up */
    public DataDirectoryResolver(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectoryPermissions.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = absolute(environment.getProperty(PROPERTY, "data"));
        environment.getPropertySources().addFirst(new MapPropertySource("lanternAbsoluteDataDir",
                Map.of(PROPERTY, dataDir.toString())));
        DataDirectoryPermissions.prepare(dataDir, log);
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    /** @return {@code configured} against the working directory, normalised */
    public static Path absolute(String configured) {
        return Path.of(configured.strip()).toAbsolutePath().normalize();
    }
}
