package org.lantern.server.activity;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.server.LanternProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ActivityStoreConfiguration.class);

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
        ActivityStore store = SharedActivityStores.open(file, rows -> published(context, rows));
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

    /**
     * Tells the context's listeners (the safeguarding monitor) of rows just stored. A listener that
     * fails, or a context already closing, must not fail the ingest that stored them.
     */
    private static void published(ApplicationContext context, List<ActivityRow> rows) {
        try {
            context.publishEvent(new ActivityRowsStored(rows));
        } catch (RuntimeException e) {
            log.warn("{} stored activity rows could not be handed to their listeners", rows.size(), e);
        }
    }
}
