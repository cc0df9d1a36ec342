package org.lantern.monitor.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A named, versioned set of risk phrases: data, not code. Every match names the library and
 * version it came from, so an alert can be traced to the exact list in force. Immutable; built
 * whole by {@link LibraryCsv} or not at all.
 */
public record PhraseLibrary(String name, String version, List<PhraseEntry> entries) {

    /** The starter library's name. */
    public static final String STARTER_NAME = "lantern-starter";
    /** The starter library's version: change it with every edit of the file. */
    public static final String STARTER_VERSION = "2026.12.1";
    private static final String STARTER_RESOURCE = "starter-library.csv";

    public PhraseLibrary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        entries = List.copyOf(entries);
    }

    /**
     * A small fixed library for the engine's own tests and benchmark: a handful of phrases per
     * category in English, a few in French, German, Spanish and Polish, each with its source and
     * licence. What stays fixed here keeps those measurements comparable across library edits;
     * monitoring uses {@link CuratedLibraries}.
     *
     * @return the starter library
     */
    public static PhraseLibrary starter() {
        try (InputStream in = PhraseLibrary.class.getResourceAsStream(STARTER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("starter library missing from the class path: " + STARTER_RESOURCE);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return LibraryCsv.read(reader, STARTER_NAME, STARTER_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LibraryFormatException e) {
            throw new IllegalStateException("the shipped starter library is invalid: " + e.getMessage(), e);
        }
    }
}
