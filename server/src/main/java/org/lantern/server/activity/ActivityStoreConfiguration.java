package org.lantern.server.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.lantern.activity.ActivityStore;
import org.lantern.server.LanternProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The school's activity log: one embedded columnar store, {@value #FILE} in the data directory,
 * beside H2 in the demo and beside PostgreSQL in production. Everything in the server that reads
 * or writes the log takes this {@link ActivityStore} bean, never the file or the decision logs.
 */
@Configuration(proxyBeanMethods = false)
class ActivityStoreConfiguration {

    /** The store's directory inside the data directory. */
    static final String DIRECTORY = "activity";
    /** The store's file inside {@link #DIRECTORY}. */
    static final String FILE = "activity.duckdb";

    @Bean(destroyMethod = "close")
    ActivityStore activityStore(LanternProperties lantern) {
        Path file = lantern.dataDir().toAbsolutePath().normalize().resolve(DIRECTORY).resolve(FILE);
        try {
            return SharedActivityStores.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
