package org.lantern.server.monitoring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refusal to start over the monitoring lexicons into Spring Boot's short "what happened /
 * what to do" report, rather than a stack trace an administrator must dig through.
 */
class LexiconsFailureAnalyzer extends AbstractFailureAnalyzer<LexiconsUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, LexiconsUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
