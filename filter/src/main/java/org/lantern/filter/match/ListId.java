package org.lantern.filter.match;

import java.util.Objects;

/**
 * Identifies one list: a category (e.g. {@code gambling}) from one source (e.g. {@code ut1}), so
 * a match can say which list, and whose, blocked a request.
 *
 * @param category the category name, as the list's folder is called
 * @param source the list source's name ({@code local} for entries added by the school)
 */
public record ListId(String category, String source) {

    /** Rejects blank names, which would make a match unexplainable. */
    public ListId {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (category.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("category and source must not be blank");
        }
    }

    @Override
    public String toString() {
        return source + "/" + category;
    }
}
