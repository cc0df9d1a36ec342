package org.lantern.server.monitoring.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.LibraryEdit;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.SchoolEdits;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.RiskModel;

/**
 * The safeguarding monitor's matcher in use: built from the shipped libraries (Lantern's curated
 * ones, then any outside lexicons) with the school's changes replayed over them, and rebuilt whole
 * after each change. The matcher and the libraries it was built from are swapped together in one
 * write, so a classification already running finishes on the matcher it started with, the next
 * one uses the new one, and nothing restarts.
 *
 * <p>A curated library the school has changed carries the version {@code <shipped>+school.<n>},
 * n being the school's version of it, in every match it explains. A school exclusion also applies
 * to the outside lexicons' phrases of its category, which keep their own version. A category
 * kept in several curated files is one library to the school: its changes apply to the files
 * together, each keeping its own name.
 */
public final class MonitorEngine {

    /** The matcher and the libraries it was built from, swapped as one. */
    public record InForce(PhraseMatcher matcher, List<PhraseLibrary> libraries) {
    }

    private final List<PhraseLibrary> shipped;
    private final LibraryVersions versions;
    private final boolean model;
    private volatile InForce inForce;

    /**
     * @param shipped  the libraries as shipped (curated first, then imported lexicons)
     * @param versions the school's changes
     * @param model    whether the matcher also asks Lantern's risk model ({@link RiskModel#curated}),
     *                 which leaves out the identity terms of the libraries in force
     */
    public MonitorEngine(List<PhraseLibrary> shipped, LibraryVersions versions, boolean model) {
        this.shipped = List.copyOf(shipped);
        this.versions = versions;
        this.model = model;
        rebuild();
    }

    /** @return the matcher in use, for one classification (ask again for the next) */
    public PhraseMatcher matcher() {
        return inForce.matcher();
    }

    /** @return whether the matcher also asks the risk model */
    public boolean model() {
        return model;
    }

    /** @return the libraries in force */
    public List<PhraseLibrary> libraries() {
        return inForce.libraries();
    }

    /**
     * @return a category's curated library in force: for a category kept in several files, their
     *         entries as one library, under the name of its own
     */
    public PhraseLibrary library(Category category) {
        return find(inForce.libraries(), category);
    }

    /** @return a category's curated library as shipped */
    public PhraseLibrary shipped(Category category) {
        return find(shipped, category);
    }

    /** Rebuilds the matcher from the shipped libraries and every stored change, then puts it in use. */
    public synchronized void rebuild() {
        inForce = build(versions.edits(), versions.latest());
    }

    /**
     * Builds what would be in force with more edits for one library, without using it: a change
     * that could not be built is refused before it is stored.
     *
     * @throws IllegalArgumentException when the libraries would not build, saying why
     */
    InForce preview(Category category, List<LibraryEdit> more) {
        Map<Category, List<LibraryEdit>> edits = versions.edits();
        edits.computeIfAbsent(category, c -> new ArrayList<>()).addAll(more);
        Map<Category, Integer> latest = versions.latest();
        latest.merge(category, 1, Integer::sum);
        return build(edits, latest);
    }

    private InForce build(Map<Category, List<LibraryEdit>> edits, Map<Category, Integer> latest) {
        List<LibraryEdit> exclusions = edits.values().stream().flatMap(List::stream)
                .filter(e -> e instanceof LibraryEdit.Exclude || e instanceof LibraryEdit.Unexclude).toList();
        Map<String, Category> curated = curatedNames();
        List<PhraseLibrary> libraries = new ArrayList<>();
        for (int i = 0; i < shipped.size(); i++) {
            PhraseLibrary library = shipped.get(i);
            Category category = curated.get(library.name());
            if (category == null) {
                libraries.add(exclusions.isEmpty() ? library : SchoolEdits.apply(library, library.version(), exclusions));
                continue;
            }
            // a category kept in several files is changed as one: they come together, its own first
            List<PhraseLibrary> files = new ArrayList<>();
            while (i < shipped.size() && curated.get(shipped.get(i).name()) == category) {
                files.add(shipped.get(i++));
            }
            i--;
            int version = latest.getOrDefault(category, 0);
            libraries.addAll(version == 0 ? files : SchoolEdits.apply(files, v -> v + "+school." + version,
                    edits.getOrDefault(category, List.of())));
        }
        RiskModel riskModel = model ? RiskModel.curated(libraries).excluding(modelExclusions(edits)) : null;
        return new InForce(PhraseMatcher.build(libraries, riskModel), List.copyOf(libraries));
    }

    /** The school's exclusions of the risk model in force: each category's, replayed in order. */
    private static List<RiskModel.Exclusion> modelExclusions(Map<Category, List<LibraryEdit>> edits) {
        List<RiskModel.Exclusion> standing = new ArrayList<>();
        for (List<LibraryEdit> changes : edits.values()) {
            for (LibraryEdit edit : changes) {
                switch (edit) {
                    case LibraryEdit.Exclude e when e.phrase().equals(RiskModel.NAME) ->
                            standing.add(new RiskModel.Exclusion(e.category(), e.context()));
                    case LibraryEdit.Unexclude u when u.phrase().equals(RiskModel.NAME) ->
                            standing.removeIf(x -> x.category() == u.category()
                                    && SchoolEdits.normal(x.context()).equals(SchoolEdits.normal(u.context())));
                    default -> { }
                }
            }
        }
        return standing;
    }

    private static Map<String, Category> curatedNames() {
        Map<String, Category> curated = new HashMap<>();
        for (Category category : Category.values()) {
            for (String file : CuratedLibraries.files(category)) {
                curated.put(CuratedLibraries.name(file), category);
            }
        }
        return curated;
    }

    /** The category's curated libraries as one: every file's entries, under its own library's name and version. */
    private static PhraseLibrary find(List<PhraseLibrary> libraries, Category category) {
        List<String> names = CuratedLibraries.files(category).stream().map(CuratedLibraries::name).toList();
        List<PhraseLibrary> files = libraries.stream().filter(l -> names.contains(l.name())).toList();
        if (files.isEmpty()) {
            throw new IllegalStateException("no curated library " + names.getFirst());
        }
        if (files.size() == 1) {
            return files.getFirst();
        }
        return new PhraseLibrary(files.getFirst().name(), files.getFirst().version(),
                files.stream().flatMap(l -> l.entries().stream()).toList());
    }
}
