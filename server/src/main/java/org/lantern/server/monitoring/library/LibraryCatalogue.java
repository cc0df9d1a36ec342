package org.lantern.server.monitoring.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.SchoolEdits;
import org.lantern.monitor.model.RiskModel;
import org.lantern.server.http.SafeCsv;
import org.springframework.stereotype.Service;

/**
 * What the libraries pages and API show: each category's library in force with its version, and
 * its phrases found by a search and a page at a time. The illegal category is counted, never listed.
 */
@Service
public class LibraryCatalogue {

    /** Phrases a page shows. */
    public static final int PAGE_SIZE = 50;

    private final MonitorEngine engine;
    private final LibraryVersions versions;

    LibraryCatalogue(MonitorEngine engine, LibraryVersions versions) {
        this.engine = engine;
        this.versions = versions;
    }

    /**
     * One category's library.
     *
     * @param library       its name, e.g. {@code lantern-self-harm}
     * @param version       the version matches show, e.g. {@code 2026.12.2+school.3}
     * @param schoolVersion the school's version of it, 0 when unchanged
     * @param editable      false for the illegal category
     */
    public record Summary(String category, String library, String version, int schoolVersion, int phrases,
                          boolean editable) {
    }

    /** One phrase as shown: its levels per age band spelt out. */
    public record Phrase(String phrase, String language, int level, Map<String, Integer> levels, String rule,
                         boolean helpSeeking, boolean identity, String list, String source, String licence) {

        static Phrase of(PhraseEntry e) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (AgeBand band : AgeBand.values()) {
                levels.put(band.id(), e.levels().level(band));
            }
            return new Phrase(e.phrase(), e.language(), e.levels().level(), levels, e.rule().text(), e.helpSeeking(),
                    e.identity(), e.list(), e.source(), e.licence());
        }
    }

    /** A page of phrases: {@code total} found by the search, these from {@code page} (from 0). */
    public record Page(Summary library, String query, int page, int size, int total, List<Phrase> phrases) {

        /** @return whether a later page has more */
        public boolean more() {
            return (long) (page + 1) * size < total;
        }
    }

    /** @return every category's library, in category order */
    public List<Summary> libraries() {
        List<Summary> all = new ArrayList<>();
        for (Category category : Category.values()) {
            all.add(summary(category));
        }
        return all;
    }

    /** @return one category's library */
    public Summary summary(Category category) {
        PhraseLibrary library = engine.library(category);
        return new Summary(category.id(), library.name(), library.version(), versions.latest(category),
                library.entries().size(), category != Category.ILLEGAL);
    }

    /**
     * @param query words the phrase holds (as typed, or as the matcher reads them); blank for all
     * @param page  from 0
     * @param size  phrases per page
     * @throws LibraryRejectedException for the illegal category, whose phrases are never listed
     */
    public Page phrases(Category category, String query, int page, int size) {
        LibraryChanges.editable(category);
        String q = query == null ? "" : query.strip();
        String typed = q.toLowerCase(Locale.ROOT);
        String normal = q.isEmpty() ? "" : SchoolEdits.normal(q);
        List<PhraseEntry> found = engine.library(category).entries().stream()
                .filter(e -> q.isEmpty() || e.phrase().toLowerCase(Locale.ROOT).contains(typed)
                        || (!normal.isEmpty() && SchoolEdits.normal(e.phrase()).contains(normal)))
                .toList();
        int from = (int) Math.min((long) page * size, found.size());
        List<Phrase> shown = found.subList(from, Math.min(found.size(), from + size)).stream().map(Phrase::of).toList();
        return new Page(summary(category), q, page, size, found.size(), shown);
    }

    /** @return the phrase in force, for its edit page */
    public Phrase phrase(Category category, String phrase, String language) {
        LibraryChanges.editable(category);
        return SchoolEdits.find(engine.library(category), phrase == null ? "" : phrase, language == null ? "" : language)
                .map(Phrase::of).orElseThrow(() -> new LibraryNotFoundException("There is no phrase '" + phrase + "' ("
                        + language + ") in the " + category.id() + " library."));
    }

    /**
     * @return the library in force as a CSV file the import reads back, written formula-safe
     *         (a spreadsheet runs no cell of it)
     */
    public byte[] export(Category category) {
        LibraryChanges.editable(category);
        return SafeCsv.toBytes(LibraryCsv.columns(), engine.library(category).entries().stream().map(LibraryCsv::row).toList());
    }

    /** @return the export's file name, e.g. {@code lantern-self-harm-2026.12.2+school.3.csv} */
    public String exportName(Category category) {
        PhraseLibrary library = engine.library(category);
        return library.name() + "-" + library.version() + ".csv";
    }

    /** @return the library's versions, newest first */
    public List<LibraryVersions.Version> history(Category category) {
        return versions.history(category);
    }

    /**
     * @return the school exclusions in force in the category, oldest first: made and not withdrawn,
     *         and still a context of the phrase in the libraries in force (a phrase removed since,
     *         or put back with another rule, has nothing left to withdraw)
     * @throws LibraryRejectedException for the illegal category, whose phrases are never listed
     */
    public List<LibraryVersions.Exclusion> exclusions(Category category) {
        LibraryChanges.editable(category);
        List<PhraseEntry> entries = engine.libraries().stream().flatMap(l -> l.entries().stream())
                .filter(e -> e.category() == category && !e.rule().notIn().isEmpty()).toList();
        return versions.exclusions(category).stream().filter(x -> {
            if (x.phrase().equals(RiskModel.NAME)) {
                return true;
            }
            String phrase = SchoolEdits.normal(x.phrase());
            String context = SchoolEdits.normal(x.context());
            return entries.stream().anyMatch(e -> SchoolEdits.normal(e.phrase()).equals(phrase)
                    && e.rule().notIn().stream().anyMatch(c -> SchoolEdits.normal(c).equals(context)));
        }).toList();
    }

    /**
     * @param id a category id from a path
     * @throws LibraryNotFoundException when it names no category
     */
    public static Category category(String id) {
        return Category.ofId(id).orElseThrow(() -> new LibraryNotFoundException("There is no library '" + id
                + "'; the categories are " + Category.ids() + "."));
    }
}
