package org.lantern.server.activity;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.lantern.activity.ActivityStore;
import org.lantern.server.LanternProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;

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

    /**
     * The server opens the store as it starts, so a file it cannot use (a newer Lantern's, or one
     * another process has open) stops it with the reason; a command-line tool's context opens it
     * only if a command uses it.
     */
    @Bean(destroyMethod = "close")
    ActivityStore activityStore(LanternProperties lantern, ApplicationContext context) {
        Path file = lantern.dataDir().toAbsolutePath().normalize().resolve(DIRECTORY).resolve(FILE);
        ActivityStore store = SharedActivityStores.open(file);
        if (context instanceof WebApplicationContext) {
            try {
                store.size();
            } catch (UncheckedIOException | IllegalStateException e) {
                store.close();
                throw new ActivityStoreUnavailableException(file, e);
            }
        }
        return store;
    }
}
