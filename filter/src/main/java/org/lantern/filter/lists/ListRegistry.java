package org.lantern.filter.lists;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link CategoryLists} snapshot. Reloads build a complete new snapshot in the
 * background and swap it in atomically, so readers see either the old lists or the new ones,
 * never a half-loaded state, and a failed reload leaves the old lists in force.
 */
public final class ListRegistry {

    private final AtomicReference<CategoryLists> current;

    /** Starts with an empty snapshot, so the filter can answer before the first load finishes. */
    public ListRegistry() {
        this(CategoryLists.empty());
    }

    /** @param initial the snapshot in force until the first reload */
    public ListRegistry(CategoryLists initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** @return the snapshot in force; keep using one snapshot for a whole request */
    public CategoryLists current() {
        return current.get();
    }

    /**
     * Replaces the snapshot in force.
     *
     * @param lists the new snapshot
     * @return the snapshot it replaced
     */
    public CategoryLists replace(CategoryLists lists) {
        return current.getAndSet(Objects.requireNonNull(lists, "lists"));
    }

    /**
     * Builds a new snapshot on the executor and swaps it in when, and only when, it completes.
     *
     * @param loader builds the snapshot, e.g. {@code () -> new ListLoader().load(sources)}
     * @param executor where to run it
     * @return completes with the new snapshot once it is in force, or exceptionally with the
     *     loader's failure, in which case the old snapshot stays
     */
    public CompletableFuture<CategoryLists> reloadAsync(Callable<CategoryLists> loader, Executor executor) {
        Objects.requireNonNull(loader, "loader");
        return CompletableFuture.supplyAsync(
                () -> {
                    CategoryLists lists;
                    try {
                        lists = Objects.requireNonNull(loader.call(), "loader returned null");
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                    current.set(lists);
                    return lists;
                },
                executor);
    }
}
