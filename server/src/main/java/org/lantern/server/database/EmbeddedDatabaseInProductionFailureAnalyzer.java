package org.lantern.server.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the production-on-H2 refusal into Spring Boot's short "what happened / what to do" report. */
class EmbeddedDatabaseInProductionFailureAnalyzer
        extends AbstractFailureAnalyzer<DatabaseModeGuard.EmbeddedDatabaseInProductionException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DatabaseModeGuard.EmbeddedDatabaseInProductionException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Point Lantern at PostgreSQL (LANTERN_DB_URL, LANTERN_DB_USER, LANTERN_DB_PASSWORD), "
                        + "or start the demo with './lantern demo'.", cause);
    }
}
