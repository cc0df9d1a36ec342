package org.lantern.filter.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lantern.filter.match.CategoryMatcher;
import org.lantern.filter.match.DomainMatcher;
import org.lantern.filter.match.ExpressionMatcher;
import org.lantern.filter.match.InvalidEntryException;
import org.lantern.filter.match.ListId;
import org.lantern.filter.match.UrlListMatcher;

/**
 * An immutable snapshot of every loaded list (imported sources and the school's local allow and
 * block entries) with its provenance. Snapshots are built off to the side and swapped in whole by
 * {@link ListRegistry}, so a request is always judged against one consistent set of lists.
 */
public final class CategoryLists {

    /** Source name of entries the school adds itself. */
    public static final String LOCAL_SOURCE = "local";

    /** Category of the school's local allow list. */
    public static final String LOCAL_ALLOW = "local-allow";

    /** Category of the school's local block list. */
    public static final String LOCAL_BLOCK = "local-block";

    private final CategoryMatcher matcher;
    private final List<SourceReport> sources;
    private final Instant builtAt;

    private CategoryLists(CategoryMatcher matcher, List<SourceReport> sources, Instant builtAt) {
        this.matcher = matcher;
        this.sources = List.copyOf(sources);
        this.builtAt = builtAt;
    }

    /** @return an empty snapshot, for the moment before the first load completes */
    public static CategoryLists empty() {
        return builder().build();
    }

    /** @return a builder for a new snapshot */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the matcher over every list in this snapshot */
    public CategoryMatcher matcher() {
        return matcher;
    }

    /** @return provenance of each imported source, in load order */
    public List<SourceReport> sources() {
        return sources;
    }

    /** @return when this snapshot was built */
    public Instant builtAt() {
        return builtAt;
    }

    /** Accumulates entries of many lists; not thread-safe, used by one loading thread. */
    public static final class Builder {

        private final DomainMatcher.Builder domains = DomainMatcher.builder();
        private final UrlListMatcher.Builder urls = UrlListMatcher.builder();
        private final ExpressionMatcher.Builder expressions = ExpressionMatcher.builder();
        private final List<SourceReport> reports = new ArrayList<>();

        private Builder() {}

        /**
         * Adds one entry to a list.
         *
         * @param list the list
         * @param kind which kind of entry it is
         * @param entry the entry text
         * @return the entry as normalised and stored
         * @throws InvalidEntryException if the entry is unusable
         */
        public String add(ListId list, ListKind kind, String entry) throws InvalidEntryException {
            Objects.requireNonNull(entry, "entry");
            return switch (kind) {
                case DOMAINS -> domains.add(entry, list);
                case URLS -> urls.add(entry, list);
                case EXPRESSIONS -> expressions.add(entry, list);
            };
        }

        /**
         * Adds an entry to the school's local allow list.
         *
         * @param kind which kind of entry it is
         * @param entry the entry text
         * @return this builder
         * @throws InvalidEntryException if the entry is unusable
         */
        public Builder allow(ListKind kind, String entry) throws InvalidEntryException {
            add(new ListId(LOCAL_ALLOW, LOCAL_SOURCE), kind, entry);
            return this;
        }

        /**
         * Adds an entry to the school's local block list.
         *
         * @param kind which kind of entry it is
         * @param entry the entry text
         * @return this builder
         * @throws InvalidEntryException if the entry is unusable
         */
        public Builder block(ListKind kind, String entry) throws InvalidEntryException {
            add(new ListId(LOCAL_BLOCK, LOCAL_SOURCE), kind, entry);
            return this;
        }

        /**
         * Records the provenance of a source whose entries were added.
         *
         * @param report the source's load report
         * @return this builder
         */
        public Builder report(SourceReport report) {
            reports.add(Objects.requireNonNull(report, "report"));
            return this;
        }

        /** @return the immutable snapshot; the builder must not be used afterwards */
        public CategoryLists build() {
            return new CategoryLists(
                    new CategoryMatcher(domains.build(), urls.build(), expressions.build()), reports, Instant.now());
        }
    }
}
