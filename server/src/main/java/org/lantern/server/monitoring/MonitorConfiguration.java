package org.lantern.server.monitoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.lantern.monitor.lexicon.MonitorLibraries;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.model.RiskModel;
import org.lantern.server.monitoring.library.LibraryVersions;
import org.lantern.server.monitoring.library.MonitorEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The safeguarding monitor's engine in the server: a {@link MonitorEngine} over Lantern's curated
 * libraries, and the outside lexicons in {@code lantern.monitor.lexicons-dir} when a school has set
 * one (docs/monitoring.md), with the school's own changes to them; its matcher is shared by every
 * request (it is immutable and thread-safe, and building its automaton is the costly part) and
 * rebuilt only when the school changes a library. Lexicons that are set but cannot
 * be read stop the start: a school that asked for them must not run without them unknowingly.
 */
@Configuration
class MonitorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonitorConfiguration.class);

    @Bean
    MonitorEngine monitorEngine(@Value("${lantern.monitor.lexicons-dir:}") String lexiconsDir, LibraryVersions versions,
                                @Value("${lantern.monitor.model:true}") boolean model) {
        MonitorEngine engine = new MonitorEngine(libraries(lexiconsDir), versions, model);
        if (model) {
            log.info("Monitoring also with the risk model {}", RiskModel.VERSION);
        } else {
            log.info("Monitoring with phrases only: lantern.monitor.model is false");
        }
        return engine;
    }

    /**
     * @param lexiconsDir a lexicons directory, or blank for the curated libraries alone
     * @return the libraries in force
     * @throws LexiconsUnavailableException if the directory is set but its lexicons cannot be imported
     */
    static List<PhraseLibrary> libraries(String lexiconsDir) {
        List<PhraseLibrary> libraries;
        if (lexiconsDir.isBlank()) {
            libraries = MonitorLibraries.curated();
        } else {
            Path dir = Path.of(lexiconsDir.strip()).toAbsolutePath();
            try {
                libraries = MonitorLibraries.withLexicons(dir);
            } catch (IOException | LibraryFormatException e) {
                throw new LexiconsUnavailableException(dir, e);
            }
        }
        log.info("Monitoring with {}", libraries.stream()
                .map(l -> l.name() + " " + l.version() + " (" + l.entries().size() + " phrases)")
                .collect(Collectors.joining(", ")));
        return libraries;
    }
}
