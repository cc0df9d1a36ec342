package org.lantern.monitor.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The libraries Lantern writes and ships: a CSV file per {@link Category} (so a DSL reviews and
 * a reviewer diffs one subject at a time), each in English and, for the highest-risk categories,
 * French, German, Spanish, Polish, Portuguese, Italian, Arabic and Urdu, with help-seeking
 * phrases, identity terms (in {@code hate}, never alerting alone), levels per age band and the
 * contexts that make a word benign. All are CC0-1.0, source {@value #SOURCE}. Each file is a
 * library of its own, named {@code lantern-<file>}, so a match names the file and line it came
 * from. A category too long to read in one sitting is split into several files ({@link #files}):
 * suicide into its English phrases, its phrases in the other eight languages and the term lists
 * their rules name; grooming into its English phrases with their term lists and its phrases in
 * the other eight languages; illegal into its phrases, its words for a child and the contexts
 * where a child word beside a nudity word is no search for abuse material. A rule's term list is
 * defined in one of its category's files.
 */
public final class CuratedLibraries {

    /** The source every curated phrase records. */
    public static final String SOURCE = "lantern-curated";
    /** The curated libraries' version: change it with every edit of any of their files. */
    public static final String VERSION = "2026.12.8";
    private static final String DIRECTORY = "curated/";
    /** The categories kept in several files, each file's name without {@code .csv}, the first its own. */
    private static final Map<Category, List<String>> SPLIT = Map.of(
            Category.SUICIDE, List.of("suicide", "suicide-languages", "suicide-terms"),
            Category.GROOMING, List.of("grooming", "grooming-languages"),
            Category.ILLEGAL, List.of("illegal", "illegal-terms", "illegal-contexts"));

    private CuratedLibraries() {}

    /**
     * @param category a category
     * @return the name of its first (or only) curated library, as matches show it, where phrases
     *         the school adds to the category go
     */
    public static String name(Category category) {
        return name(category.id());
    }

    /**
     * @param file a curated file's name without {@code .csv}, from {@link #files}
     * @return the name of its library, as matches show it
     */
    public static String name(String file) {
        return "lantern-" + file;
    }

    /** @return the names, without {@code .csv}, of a category's files, its own first */
    public static List<String> files(Category category) {
        return SPLIT.getOrDefault(category, List.of(category.id()));
    }

    /** @return the path of a curated file on the class path, relative to this package */
    public static String resource(String file) {
        return DIRECTORY + file + ".csv";
    }

    /**
     * @return every curated library, one per file, in {@link Category} order
     * @throws IllegalStateException if a shipped file is missing or invalid (a build that a test
     *                               would have failed)
     */
    public static List<PhraseLibrary> load() {
        List<PhraseLibrary> libraries = new ArrayList<>();
        for (Category category : Category.values()) {
            libraries.addAll(load(category));
        }
        return List.copyOf(libraries);
    }

    /**
     * @param category a category
     * @return its curated libraries, one per file, its own first; a rule may name a term list of
     *         any of them
     */
    public static List<PhraseLibrary> load(Category category) {
        List<PhraseLibrary> libraries = new ArrayList<>();
        for (String file : files(category)) {
            String resource = resource(file);
            try (InputStream in = CuratedLibraries.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("curated library missing from the class path: " + resource);
                }
                libraries.add(new PhraseLibrary(name(file), VERSION,
                        LibraryCsv.readEntries(new InputStreamReader(in, StandardCharsets.UTF_8), List.of(), false)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LibraryFormatException e) {
                throw new IllegalStateException("the curated library " + resource + " is invalid: " + e.getMessage(), e);
            }
        }
        List<PhraseEntry> all = libraries.stream().flatMap(l -> l.entries().stream()).toList();
        for (PhraseLibrary library : libraries) {
            try {
                LibraryCsv.checkLists(library.entries(), all);
            } catch (LibraryFormatException e) {
                throw new IllegalStateException("the curated library " + library.name() + " is invalid: " + e.getMessage(), e);
            }
        }
        return List.copyOf(libraries);
    }
}
