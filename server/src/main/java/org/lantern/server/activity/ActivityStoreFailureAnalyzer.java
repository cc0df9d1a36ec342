package org.lantern.server.activity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refusal to start over the activity store into Spring Boot's short "what happened / what
 * to do" report, rather than a stack trace an administrator must dig through.
 */
class ActivityStoreFailureAnalyzer extends AbstractFailureAnalyzer<ActivityStoreUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ActivityStoreUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
