package org.lantern.filter.lists;

import java.util.List;

/**
 * Provenance of one loaded source: its identity and a report per file, for audit records that
 * must say which list release made a decision.
 *
 * @param source the source loaded
 * @param files one report per list file read
 */
public record SourceReport(ListSource source, List<FileReport> files) {

    /** Copies the file list so the report is immutable. */
    public SourceReport {
        files = List.copyOf(files);
    }

    /** @return entries accepted across all files */
    public long accepted() {
        return files.stream().mapToLong(FileReport::accepted).sum();
    }

    /** @return lines skipped across all files */
    public long skipped() {
        return files.stream().mapToLong(FileReport::skipped).sum();
    }
}
