package org.lantern.server.filtering;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.filter.lists.FileReport;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.ListSource;
import org.lantern.filter.lists.SourceReport;
import org.lantern.server.http.SchoolTime;

/**
 * What the network manager sees of the category lists: every source in force with its provenance
 * (name, version, directory) and entry counts, when they came into force, and whether the latest
 * load failed. Without it a list directory that could not be read would only show in a log, while
 * the filter ran on the local and illegal-content lists alone.
 *
 * @param directories the directories configured ({@code lantern.filter.lists})
 * @param sources the sources in force, with a report per file
 * @param inForceSince when the lists in force were built; {@code null} while none from a directory are
 * @param loading whether a load is under way
 * @param failedAt when the latest load failed; {@code null} when it did not
 * @param failure why it failed, for the page; {@code null} when it did not
 */
public record CategoryListStatus(List<Path> directories, List<SourceReport> sources, Instant inForceSince,
                                 boolean loading, Instant failedAt, String failure) {

    /** Copies the lists so the status is immutable. */
    public CategoryListStatus {
        directories = List.copyOf(directories);
        sources = List.copyOf(sources);
    }

    /**
     * @return what the page says of a failed load: when, why, and what filters meanwhile; {@code
     *     null} when the latest load did not fail
     */
    public String failureNotice() {
        if (failure == null) {
            return null;
        }
        return "The category lists could not be loaded at " + SchoolTime.when(failedAt) + ": " + failure + ". "
                + (sources.isEmpty() ? "No category lists are in force: only the local and illegal-content lists filter."
                        : "The lists loaded before stay in force.");
    }

    /** @return the entries in force, across every source */
    public long entries() {
        return sources.stream().mapToLong(SourceReport::accepted).sum();
    }

    /** @return the lines skipped as unreadable, across every source */
    public long skipped() {
        return sources.stream().mapToLong(SourceReport::skipped).sum();
    }

    /** One category of one source, as the page lists it: its files' counts added up. */
    public record CategoryRow(String source, String version, String category, int domains, int urls,
                              int expressions, int skipped) {

        static CategoryRow of(ListSource source, FileReport file) {
            int accepted = file.accepted();
            return new CategoryRow(source.name(), source.version(), file.category(),
                    file.kind() == ListKind.DOMAINS ? accepted : 0, file.kind() == ListKind.URLS ? accepted : 0,
                    file.kind() == ListKind.EXPRESSIONS ? accepted : 0, file.skipped());
        }

        CategoryRow plus(CategoryRow other) {
            return new CategoryRow(source, version, category, domains + other.domains, urls + other.urls,
                    expressions + other.expressions, skipped + other.skipped);
        }
    }

    /** @return a row per category of each source, in the sources' order and the files' order within one */
    public List<CategoryRow> rows() {
        List<CategoryRow> rows = new ArrayList<>();
        for (SourceReport source : sources) {
            Map<String, CategoryRow> byCategory = new LinkedHashMap<>();
            for (FileReport file : source.files()) {
                byCategory.merge(file.category(), CategoryRow.of(source.source(), file), CategoryRow::plus);
            }
            rows.addAll(byCategory.values());
        }
        return rows;
    }
}
