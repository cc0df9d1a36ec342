package org.lantern.proxy.icap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.ListRegistry;
import org.lantern.proxy.reload.FileSetReloader;
import org.lantern.proxy.reload.WatchedFiles;

/**
 * Keeps the category lists of a standalone ICAP server in step with their files, so a school that
 * updates its lists (a nightly UT1 download, say) never restarts the server, nor Squid.
 *
 * <p>The files watched are each category's {@code domains}, {@code urls} and {@code expressions};
 * how they are checked, loaded beside the lists in force and swapped in is
 * {@link FileSetReloader}'s. A complete new snapshot is swapped into the {@link ListRegistry}, so a
 * request sees the old lists or the new, never a mix, and the swap changes the
 * {@linkplain CategoryListDecider#generation() generation}, so the ISTag changes and Squid
 * refreshes what it cached from OPTIONS. A load fails on a missing directory or category or an
 * unreadable file; bad lines are skipped and counted, never fatal.
 */
public final class CategoryListReloader extends FileSetReloader<CategoryLists> {

    private final Path root;
    private final String source;
    private final Set<String> categories;
    private final Consumer<String> log;
    private final ListRegistry registry;

    private CategoryListReloader(Path root, String source, Set<String> categories, Consumer<String> log,
            CategoryLists lists, WatchedFiles files) {
        super("lists", root, files, log);
        this.root = root;
        this.source = source;
        this.categories = categories;
        this.log = log;
        this.registry = new ListRegistry(lists);
    }

    /**
     * Loads the named categories of a list directory, remembering what their files looked like
     * beforehand, so an edit made while they were loading is noticed at the first check.
     *
     * @param root a directory holding one folder per category
     * @param source the source name recorded in each match, e.g. {@code ut1}
     * @param categories the categories to load
     * @param log receives one line per file loaded, and a line for each reload or failed reload
     * @return the reloader, whose {@link #registry()} holds the loaded lists
     * @throws IOException if the directory or a list file cannot be read, or a category is missing
     */
    public static CategoryListReloader load(Path root, String source, Set<String> categories, Consumer<String> log)
            throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(log, "log");
        Set<String> sorted = Collections.unmodifiableSortedSet(new TreeSet<>(categories));
        WatchedFiles files = new WatchedFiles();
        CategoryLists lists = read(root, source, sorted, log, files);
        return new CategoryListReloader(root, source, sorted, log, lists, files);
    }

    /** @return the registry holding the lists in force; give it to a {@link CategoryListDecider} */
    public ListRegistry registry() {
        return registry;
    }

    @Override
    protected CategoryLists read(WatchedFiles files) throws IOException {
        return read(root, source, categories, log, files);
    }

    @Override
    protected void swapIn(CategoryLists lists) {
        registry.replace(lists);
    }

    private static CategoryLists read(Path root, String source, Set<String> categories, Consumer<String> log,
            WatchedFiles files) throws IOException {
        // Every kind is watched, present or not, so a file added to a category is noticed too.
        for (String category : categories) {
            for (ListKind kind : ListKind.values()) {
                files.watch(root.resolve(category).resolve(kind.fileName()));
            }
        }
        return CategoryListDecider.loadLists(root, source, categories, log);
    }
}
