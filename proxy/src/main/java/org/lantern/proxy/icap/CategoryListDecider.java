package org.lantern.proxy.icap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.lantern.filter.decision.SafeSearch;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.FileReport;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.lists.ListLoader;
import org.lantern.filter.lists.ListRegistry;
import org.lantern.filter.lists.ListSource;
import org.lantern.filter.lists.SourceReport;
import org.lantern.filter.match.ListId;
import org.lantern.filter.match.Match;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.NormalisedUrl;
import org.lantern.filter.url.UrlNormaliser;

/**
 * A stand-in decider until the school's policy engine is plugged in: blocks a request when its
 * URL is in any of the named categories of UT1 / squidGuard-layout lists, and allows the rest.
 * A URL that cannot be normalised is blocked, because an unreadable address is an evasion route.
 * Allowed searches are forced to the engines' safe modes ({@link SafeSearch}) and YouTube to its
 * restricted mode ({@link YouTubeRestrict}), as the full policy engine does.
 * Lists are read through a {@link ListRegistry}, so a reload swaps them without a restart;
 * {@link CategoryListReloader} does that when the list files change.
 */
public final class CategoryListDecider implements IcapDecider {

    private final UrlNormaliser normaliser = new UrlNormaliser();
    private final SafeSearch safeSearch = new SafeSearch();
    private final ListRegistry registry;
    private final Set<String> blocked;

    /**
     * @param registry the lists to match against
     * @param blocked the categories whose matches are blocked
     */
    public CategoryListDecider(ListRegistry registry, Set<String> blocked) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.blocked = Set.copyOf(blocked);
    }

    /**
     * Loads only the blocked categories of a list directory: the other categories could not change
     * a verdict, and skipping them keeps start-up quick and memory small.
     *
     * @param root a directory holding one folder per category
     * @param source the source name recorded in each match, e.g. {@code ut1}
     * @param categories the categories to load and block
     * @param progress receives one line per file loaded, for the operator
     * @return the decider over the loaded lists
     * @throws IOException if the directory or a list file cannot be read, or a category is missing
     */
    public static CategoryListDecider load(Path root, String source, Set<String> categories,
            Consumer<String> progress) throws IOException {
        return new CategoryListDecider(new ListRegistry(loadLists(root, source, categories, progress)), categories);
    }

    /**
     * Reads the named categories of a list directory into a new snapshot. Every category folder is
     * looked for before any file is read, so a directory caught half-replaced fails at once
     * instead of after seconds of loading.
     *
     * @param root a directory holding one folder per category
     * @param source the source name recorded in each match, e.g. {@code ut1}
     * @param categories the categories to load
     * @param progress receives one line per file loaded, for the operator
     * @return the snapshot, with each file's report
     * @throws IOException if the directory or a list file cannot be read, or a category is missing
     */
    static CategoryLists loadLists(Path root, String source, Set<String> categories, Consumer<String> progress)
            throws IOException {
        Set<String> sorted = new TreeSet<>(categories);
        for (String category : sorted) {
            if (!Files.isDirectory(root.resolve(category))) {
                throw new IOException("no list folder for category '" + category + "' in " + root);
            }
        }
        ListLoader loader = new ListLoader();
        CategoryLists.Builder builder = CategoryLists.builder();
        List<FileReport> files = new ArrayList<>();
        for (String category : sorted) {
            for (ListKind kind : ListKind.values()) {
                Path file = root.resolve(category).resolve(kind.fileName());
                if (Files.isRegularFile(file)) {
                    FileReport report = loader.loadFile(file, new ListId(category, source), kind, builder);
                    files.add(report);
                    progress.accept(String.format(Locale.ROOT, "loaded %s/%s: %d entries, %d skipped",
                            category, kind.fileName(), report.accepted(), report.skipped()));
                }
            }
        }
        builder.report(new SourceReport(new ListSource(source, "local", root), files));
        return builder.build();
    }

    @Override
    public IcapVerdict decide(String url, String method, String user, String clientIp) {
        NormalisedUrl normalised;
        boolean connect = "CONNECT".equals(method);
        try {
            normalised = connect ? normaliser.normaliseConnect(url) : normaliser.normalise(url);
        } catch (MalformedUrlException e) {
            return new IcapVerdict.Block(
                    "The address could not be read safely (" + e.reason() + "), so it is blocked.", "");
        }
        List<Match> matches = registry.current().matcher().match(normalised);
        // Indexed: most answers are the empty List.of(), whose iterator is allocated per request.
        for (int i = 0; i < matches.size(); i++) {
            Match match = matches.get(i);
            if (blocked.contains(match.category())) {
                return new IcapVerdict.Block("This site is in the " + match.category()
                        + " category, which the school blocks.", match.category());
            }
        }
        return YouTubeRestrict.allowed(safeSearch.rewrite(normalised, connect), normalised, connect);
    }

    /** @return the list snapshot in force: a new one after each reload */
    @Override
    public Object generation() {
        return registry.current();
    }

    /** @return the registry whose snapshot is in force, so the lists can be reloaded */
    public ListRegistry registry() {
        return registry;
    }
}
