package org.lantern.filter.lists;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a set of category lists comes from: a name and version for provenance, and a directory
 * in the UT1 / squidGuard layout ({@code <root>/<category>/{domains,urls,expressions}}).
 *
 * @param name short source name shown in every match, e.g. {@code ut1}
 * @param version the list release, e.g. a date, recorded in reports
 * @param root the directory holding one folder per category
 */
public record ListSource(String name, String version, Path root) {

    /** Rejects missing parts. */
    public ListSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(root, "root");
    }
}
