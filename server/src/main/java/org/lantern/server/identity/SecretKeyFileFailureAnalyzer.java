package org.lantern.server.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refusal to start over the key file for two-factor secrets into Spring Boot's short
 * "what happened / what to do" report, rather than a stack trace an administrator must dig through.
 */
class SecretKeyFileFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyFile.KeyFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, SecretKeyFile.KeyFileException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
