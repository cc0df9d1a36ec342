package org.lantern.server.filtering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;

import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionEngine;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.FilterSettings;
import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.decision.IllegalContentList;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.decision.UnblockException;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListLoader;
import org.lantern.filter.lists.ListRegistry;
import org.lantern.filter.lists.ListSource;
import org.lantern.filter.lists.SourceReport;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.policy.PolicyDocument;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleChanged;
import org.lantern.server.people.Person;
import org.lantern.server.policy.PolicyChanged;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The school's policy, enforced live: owns the one {@link DecisionEngine} every filter path (the
 * in-process ICAP server, the decision API, {@code lantern check}) asks, and keeps its inputs
 * current. A new policy version, a change to the local lists and a change to the unblocks each
 * swap a new snapshot in atomically, so a request is always judged against one consistent set.
 * The local lists are a layer of their own, so editing them never reloads the category lists.
 *
 * <p>Inputs: the policy in force; the people directory (each person forgotten from its cache when the
 * people feature announces a change to them); category lists in the UT1 layout from
 * {@code lantern.filter.lists} (comma-separated directories, loaded in the background, since a
 * full set takes seconds; until then only the local lists apply, so the in-process ICAP server waits
 * for them before it listens); the school's local allow and
 * block lists, read again whenever they change; illegal-content lists from {@code lantern.filter.illegal-lists}
 * (comma-separated files, each named by its file name without extension, e.g.
 * {@code iwf-child-abuse.txt}; loaded before anything is decided, because they must never be
 * missing); and the unblocks of every {@link UnblockSource}.
 */
@Service
public class FilterService implements IllegalContentCheck {

    private static final Logger log = LoggerFactory.getLogger(FilterService.class);

    /** Where the network gate sends a person who has not accepted the acceptable-use agreement in force. */
    public static final String AGREEMENT_PATH = "/agreement";

    private final PolicyService policies;
    private final LocalLists localLists;
    private final ObjectProvider<UnblockSource> unblockSources;
    private final ObjectProvider<AgreementGate> agreementGates;
    private final String agreementPage;
    private final List<Path> listDirectories;
    private final Clock clock;
    private final IllegalContentList illegal;
    private final ListRegistry lists;
    private final ExecutorService loader;
    private final People people;
    private final GroupMemberships memberships;
    private final Duration peopleCache;

    private volatile PeopleDirectory directory;
    private volatile DecisionEngine engine;
    private volatile CompletableFuture<CategoryLists> lastReload;
    private volatile ListLoadFailure lastFailure;

    FilterService(PolicyService policies, People people, GroupMemberships memberships, LocalLists localLists,
                  ObjectProvider<UnblockSource> unblockSources, ObjectProvider<AgreementGate> agreementGates,
                  @Value("${lantern.filter.lists:}") String listDirectories,
                  @Value("${lantern.filter.illegal-lists:}") String illegalLists,
                  @Value("${lantern.filter.people-cache:30s}") Duration peopleCache,
                  @Value("${lantern.public-url:}") String publicUrl,
                  @Value("${server.port:8080}") int serverPort) throws IOException {
        this.policies = policies;
        this.localLists = localLists;
        this.unblockSources = unblockSources;
        this.agreementGates = agreementGates;
        // The same address the block page links to, so the gate sends people to this server.
        this.agreementPage = (publicUrl.isBlank() ? "http://localhost:" + serverPort : publicUrl.replaceAll("/+$", ""))
                + AGREEMENT_PATH;
        this.listDirectories = paths(listDirectories);
        this.clock = Clock.systemUTC();
        this.illegal = loadIllegal(paths(illegalLists));
        this.people = people;
        this.memberships = memberships;
        this.peopleCache = peopleCache;
        this.lists = new ListRegistry();
        this.loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lantern-filter-lists");
            t.setDaemon(true);
            return t;
        });
        this.lastReload = reloadLists();
    }

    /** Judges one request against the policy, lists, people and unblocks in force. */
    public Decision decide(DecisionRequest request) {
        return engine().decide(request);
    }

    /**
     * The engine, built on first use from the policy in force.
     *
     * @throws IllegalStateException when no policy version exists yet
     */
    public DecisionEngine engine() {
        DecisionEngine e = engine;
        return e != null ? e : build();
    }

    /**
     * Completes when the latest load of the category lists is in force. The local lists need no
     * waiting: a change to them is in force when the change returns.
     */
    public CompletableFuture<CategoryLists> listsLoaded() {
        return lastReload;
    }

    /** @return the category lists in force, where each came from, and whether the latest load failed */
    public CategoryListStatus categoryListStatus() {
        ListLoadFailure failure = lastFailure;
        CategoryLists current = lists.current();
        // A snapshot has sources only once a load from at least one directory has succeeded.
        Instant inForceSince = current.sources().isEmpty() ? null : current.builtAt();
        return new CategoryListStatus(listDirectories, current.sources(), inForceSince,
                !lastReload.isDone(), failure == null ? null : failure.at(), failure == null ? null : failure.reason());
    }

    /** A failed load of the category lists: when, and why in words a network manager can act on. */
    private record ListLoadFailure(Instant at, String reason) {
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause instanceof NoSuchFileException ? "no such directory or file: " + message
                : message == null ? cause.getClass().getSimpleName() : message;
    }

    /** Forgets cached people, so a change to the directory is enforced at once rather than within the cache time. */
    public void forgetPeople() {
        PeopleDirectory d = directory;
        if (d != null) {
            d.forget();
        }
    }

    @Override
    public boolean isIllegal(String url) {
        try {
            Decision d = decide(DecisionRequest.of(url, "GET", null, null, clock.instant()));
            return d.rule() == Rule.ILLEGAL_LIST || d.rule() == Rule.ILLEGAL_CATEGORY;
        } catch (MalformedUrlException e) {
            // An address that cannot be read matches no list entry; whoever asks must refuse it on its own.
            return false;
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPolicyChanged(PolicyChanged event) {
        PolicyVersion version = policies.current().orElseThrow();
        PolicyDocument document = policies.currentDocument();
        if (engine == null) {
            build();
        } else {
            PeopleDirectory forPolicy = directory.withPolicy(document);
            apply(s -> s.withPolicy(document, version.number()).withDirectory(forPolicy));
        }
        log.info("Filter now enforces policy version {}", version.number());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onLocalListsChanged(LocalListsChanged event) {
        reloadLocalLists();
    }

    /**
     * After the change commits, so that a request arriving meanwhile cannot cache the old facts
     * again once they have been forgotten.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onPeopleChanged(PeopleChanged event) {
        PeopleDirectory d = directory;
        if (d != null) {
            d.forget(event.personIds());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onUnblocksChanged(UnblocksChanged event) {
        List<UnblockException> exceptions = unblocks();
        if (engine != null) {
            apply(s -> s.withExceptions(exceptions));
        }
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }

    private synchronized DecisionEngine build() {
        if (engine == null) {
            PolicyVersion version = policies.current()
                    .orElseThrow(() -> new IllegalStateException("there is no policy in force yet"));
            PolicyDocument document = policies.currentDocument();
            directory = new PeopleDirectory(people, memberships, document, clock, peopleCache, this::heldInGroups);
            engine = new DecisionEngine(FilterSnapshot.of(document, version.number())
                    .withLists(lists.current())
                    .withLocalLists(localLists.layer())
                    .withIllegalContent(illegal)
                    .withDirectory(directory)
                    .withExceptions(unblocks())
                    .withSettings(FilterSettings.defaults().withAgreementPage(agreementPage)));
        }
        return engine;
    }

    /** Serialised with {@link #build()}, so a change is never lost to an engine being built at the same moment. */
    private synchronized void apply(UnaryOperator<FilterSnapshot> change) {
        if (engine != null) {
            engine.update(change);
        }
    }

    /**
     * Reads the local lists and swaps in only that layer: milliseconds, where reloading the
     * category lists takes seconds. Serialised with {@link #apply}, so of two changes committed
     * together the later read is the one left in force.
     */
    private synchronized void reloadLocalLists() {
        if (engine != null) {
            CategoryLists layer = localLists.layer();
            engine.update(s -> s.withLocalLists(layer));
        }
    }

    private CompletableFuture<CategoryLists> reloadLists() {
        return lists.reloadAsync(this::loadLists, loader).whenComplete((loaded, failure) -> {
            if (failure != null) {
                log.error("Category lists could not be reloaded; the previous lists stay in force", failure);
                lastFailure = new ListLoadFailure(clock.instant(), rootMessage(failure));
            } else {
                apply(s -> s.withLists(loaded));
                lastFailure = null;
            }
        });
    }

    private CategoryLists loadLists() throws IOException {
        CategoryLists.Builder builder = CategoryLists.builder();
        ListLoader listLoader = new ListLoader();
        for (Path dir : listDirectories) {
            long started = System.nanoTime();
            log.info("Loading category lists from {}", dir);
            SourceReport report = listLoader.loadInto(
                    ListSource.fromDirectory(dir), builder);
            log.info("Loaded {} entries ({} skipped) from {} in {} ms", report.accepted(), report.skipped(), dir,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return builder.build();
    }

    /** The groups every gate holds the person in; a gate that fails holds no one, as the filter did before gates. */
    private Set<String> heldInGroups(Person person) {
        Set<String> held = new HashSet<>();
        agreementGates.orderedStream().forEach(gate -> {
            try {
                held.addAll(gate.heldInGroups(person));
            } catch (RuntimeException e) {
                log.error("The agreement gate could not be read for person {}", person.id(), e);
            }
        });
        return held;
    }

    private List<UnblockException> unblocks() {
        List<UnblockException> all = new ArrayList<>();
        unblockSources.orderedStream().forEach(source -> {
            try {
                all.addAll(source.current());
            } catch (RuntimeException e) {
                // One failing source must not take the others' unblocks, or the filter, down with it.
                log.error("Unblocks from {} could not be read", source.getClass().getSimpleName(), e);
            }
        });
        return all;
    }

    private static IllegalContentList loadIllegal(List<Path> files) throws IOException {
        IllegalContentList.Builder builder = IllegalContentList.builder();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("illegal-content list " + file + " is not a readable file");
            }
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            IllegalContentList.LoadReport report = builder.load(name, file);
            log.info("Loaded illegal-content list {}: {} entries, {} skipped {}", name, report.accepted(),
                    report.skipped(), report.firstProblems());
        }
        return builder.build();
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
    }
}
