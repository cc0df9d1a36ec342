package org.lantern.filter.match;

import java.util.Objects;

/**
 * One reason a URL is in a category: which list, which entry, and what kind of entry, so every
 * filtering decision can explain itself to the school and to the pupil.
 *
 * @param list the list the entry belongs to
 * @param entry the entry as normalised at load (a domain, {@code host/path}, or a pattern)
 * @param kind the kind of entry
 */
public record Match(ListId list, String entry, MatchKind kind) {

    /** Rejects missing parts. */
    public Match {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(kind, "kind");
    }

    /** @return the category of the list that matched */
    public String category() {
        return list.category();
    }

    /** @return the source of the list that matched */
    public String source() {
        return list.source();
    }
}
