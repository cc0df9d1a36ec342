package org.lantern.server.filtering;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.SourceReport;

/**
 * What the network manager sees of the category lists: every source in force with its provenance
 * (name, version, directory) and entry counts, when they came into force, and whether the latest
 * load failed. Without it a list directory that could not be read would only show in a log, while
 * the filter ran on the local and illegal-content lists alone.
 *
 * @param directories the directories configured ({@code lantern.filter.lists})
 * @param sources the sources in force, with a report per file
 * @param inForceSince when the lists in force were loaded; {@code null} before the first load
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

    private static final DateTimeFormatter SCHOOL_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /**
     * @return what the page says of a failed load: when, why, and what filters meanwhile; {@code
     *     null} when the latest load did not fail
     */
    public String failureNotice() {
        if (failure == null) {
            return null;
        }
        return "The category lists could not be loaded at " + SCHOOL_TIME.format(failedAt) + ": " + failure + ". "
                + (sources.isEmpty() ? "No category lists are in force: only the local and illegal-content lists filter."
                        : "The lists loaded before stay in force.");
    }

    /** @return the entries in force, across every source and file */
    public long entries() {
        return sources.stream().flatMap(source -> source.files().stream()).mapToLong(file -> file.accepted()).sum();
    }

    /** @return the lines skipped as unreadable, across every source and file */
    public long skipped() {
        return sources.stream().flatMap(source -> source.files().stream()).mapToLong(file -> file.skipped()).sum();
    }

    /** One category of one source, as the page lists it. */
    public record CategoryRow(String source, String version, String category, int domains, int urls,
                              int expressions, int skipped) {
    }

    /** @return a row per category of each source, in the sources' order and by category name within one */
    public List<CategoryRow> rows() {
        return sources.stream().flatMap(source -> source.files().stream()
                .map(file -> file.category()).distinct()
                .map(category -> {
                    int[] counts = new int[ListKind.values().length];
                    int skipped = 0;
                    for (var file : source.files()) {
                        if (file.category().equals(category)) {
                            counts[file.kind().ordinal()] += file.accepted();
                            skipped += file.skipped();
                        }
                    }
                    return new CategoryRow(source.source().name(), source.source().version(), category,
                            counts[ListKind.DOMAINS.ordinal()], counts[ListKind.URLS.ordinal()],
                            counts[ListKind.EXPRESSIONS.ordinal()], skipped);
                })).toList();
    }
}
