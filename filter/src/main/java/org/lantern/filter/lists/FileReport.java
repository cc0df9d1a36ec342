package org.lantern.filter.lists;

import java.nio.file.Path;
import java.util.List;

/**
 * What loading one list file did: how many entries were accepted and skipped, and the first few
 * rejected lines with their reasons, so a bad list release is visible without failing the load.
 *
 * @param category the category folder
 * @param kind the kind of list
 * @param file the file read
 * @param accepted entries added
 * @param skipped lines rejected (comments and blank lines are neither)
 * @param firstProblems up to {@link ListLoader#PROBLEMS_KEPT} rejected lines, in file order
 */
public record FileReport(
        String category, ListKind kind, Path file, int accepted, int skipped, List<LineProblem> firstProblems) {

    /** Copies the problem list so the report is immutable. */
    public FileReport {
        firstProblems = List.copyOf(firstProblems);
    }

    /**
     * One rejected line.
     *
     * @param lineNumber 1-based line number in the file
     * @param reason why it was rejected
     */
    public record LineProblem(int lineNumber, String reason) {}
}
