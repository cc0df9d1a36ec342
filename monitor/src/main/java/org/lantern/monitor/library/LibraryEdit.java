package org.lantern.monitor.library;

import java.util.Objects;

/**
 * One change a school makes to a shipped library, kept as data so the library in force is always
 * the shipped one with the school's changes replayed in order ({@link SchoolEdits}): a newer
 * Lantern's libraries keep the school's choices without the school's copy freezing the rest.
 */
public sealed interface LibraryEdit {

    /**
     * Adds an entry, or replaces the one with the same phrase (compared normalised) and language:
     * a new phrase, or a changed level or rule.
     */
    record Put(PhraseEntry entry) implements LibraryEdit {
        public Put {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Removes the entry with this phrase (compared normalised) and language, if there is one. */
    record Remove(String phrase, String language) implements LibraryEdit {
        public Remove {
            Objects.requireNonNull(phrase, "phrase");
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * A school exclusion: the phrase, in any language of {@code category}, no longer counts where
     * it is part of {@code context} (a {@code not-in} context added to its rule); the reason is
     * kept with the version that made it. The context holds no {@code ;} or {@code |}, which
     * separate a rule's clauses and contexts.
     */
    record Exclude(Category category, String phrase, String context) implements LibraryEdit {
        public Exclude {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(phrase, "phrase");
            Objects.requireNonNull(context, "context");
            if (context.contains(";") || context.contains("|")) {
                throw new IllegalArgumentException("a context holds no ';' or '|': " + context);
            }
        }
    }

    /**
     * A school exclusion withdrawn: the phrase counts again where it is part of {@code context}
     * (that context taken out of the {@code not-in} of its entries in {@code category}). A context
     * the shipped library itself gives the phrase stays: only what the school added is withdrawn.
     */
    record Unexclude(Category category, String phrase, String context) implements LibraryEdit {
        public Unexclude {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(phrase, "phrase");
            Objects.requireNonNull(context, "context");
        }
    }
}
