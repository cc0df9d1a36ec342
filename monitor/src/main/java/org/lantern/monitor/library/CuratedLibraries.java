package org.lantern.monitor.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The libraries Lantern writes and ships: one CSV file per {@link Category} (so a DSL reviews and
 * a reviewer diffs one subject at a time), each in English and, for the highest-risk categories,
 * French, German, Spanish, Polish, Portuguese, Italian, Arabic and Urdu, with help-seeking
 * phrases, identity terms (in {@code hate}, never alerting alone), levels per age band and the
 * contexts that make a word benign. All are CC0-1.0, source {@value #SOURCE}. Each file is a
 * library of its own, named {@code lantern-<category>}, so a match names the file and line it
 * came from; a rule's term list is defined in the same file.
 */
public final class CuratedLibraries {

    /** The source every curated phrase records. */
    public static final String SOURCE = "lantern-curated";
    /** The curated libraries' version: change it with every edit of any of their files. */
    public static final String VERSION = "2026.12.4";
    private static final String DIRECTORY = "curated/";

    private CuratedLibraries() {}

    /**
     * @param category a category
     * @return the name of its curated library, as matches show it
     */
    public static String name(Category category) {
        return "lantern-" + category.id();
    }

    /** @return the path of a category's file on the class path, relative to this package */
    public static String resource(Category category) {
        return DIRECTORY + category.id() + ".csv";
    }

    /**
     * @return every curated library, one per category, in {@link Category} order
     * @throws IllegalStateException if a shipped file is missing or invalid (a build that a test
     *                               would have failed)
     */
    public static List<PhraseLibrary> load() {
        List<PhraseLibrary> libraries = new ArrayList<>();
        for (Category category : Category.values()) {
            libraries.add(load(category));
        }
        return List.copyOf(libraries);
    }

    /**
     * @param category a category
     * @return its curated library
     */
    public static PhraseLibrary load(Category category) {
        String resource = resource(category);
        try (InputStream in = CuratedLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("curated library missing from the class path: " + resource);
            }
            return LibraryCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), name(category), VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LibraryFormatException e) {
            throw new IllegalStateException("the curated library " + resource + " is invalid: " + e.getMessage(), e);
        }
    }
}
