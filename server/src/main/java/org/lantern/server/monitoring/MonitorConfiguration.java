package org.lantern.server.monitoring;

import java.util.List;

import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.PhraseMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The safeguarding monitor's engine in the server: one {@link PhraseMatcher} built once from the
 * starter library and shared by every request (it is immutable and thread-safe, and building its
 * automaton is the costly part).
 */
@Configuration
class MonitorConfiguration {

    @Bean
    PhraseMatcher phraseMatcher() {
        return PhraseMatcher.build(List.of(PhraseLibrary.starter()));
    }
}
