package org.lantern.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.lantern.filter.lists.ListKind;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.icap.CategoryListDecider;
import org.lantern.proxy.icap.CategoryListReloader;
import org.lantern.proxy.icap.IcapServer;
import org.lantern.proxy.icap.IcapServerConfig;
import org.lantern.proxy.icap.IcapWarmUp;
import org.lantern.proxy.warmup.WarmUpUrls;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lantern icap}: runs the ICAP server Squid asks about every request. Until the policy
 * engine is plugged in, it blocks the categories named with {@code --block} from UT1-layout lists,
 * and forces SafeSearch and YouTube's restricted mode on what it allows. The lists are checked for
 * changes every {@code --reload-interval} and reloaded in the background, so a list update needs
 * no restart of this server or of Squid. Runs until stopped (Ctrl-C), then prints its counters.
 */
@Command(name = "icap", mixinStandardHelpOptions = true,
        description = "Run the ICAP filter server for Squid (icap://BIND:PORT/reqmod).")
class IcapCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "1344", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); only Squid needs to reach it.")
    String bind;

    @Option(names = "--lists", required = true,
            description = "Category lists in the UT1 / squidGuard layout: DIR/<category>/{domains,urls,expressions}.")
    Path lists;

    @Option(names = "--block", arity = "1..*", paramLabel = "CATEGORY",
            description = "Categories to block, e.g. --block gambling adult redirector.")
    List<String> block = List.of();

    @Option(names = "--lantern-url", defaultValue = "http://localhost:8080",
            description = "The Lantern server, for block-page links and redirects (default: ${DEFAULT-VALUE}).")
    String lanternUrl;

    @Option(names = "--block-mode", defaultValue = "PAGE",
            description = "PAGE (HTTP 403 with the block page) or REDIRECT (HTTP 302 to Lantern) (default: ${DEFAULT-VALUE}).")
    IcapServerConfig.BlockMode blockMode;

    @Mixin
    BlockKeyOption blockKey = new BlockKeyOption();

    @Option(names = "--username-base64",
            description = "Squid encodes X-Client-Username in base64 (icap_client_username_encode on).")
    boolean usernameBase64;

    @Option(names = "--max-connections", defaultValue = "1000",
            description = "Connections served at once; more are refused with 503 (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-connections-per-client", paramLabel = "N",
            description = "Connections served at once from one client address; more from it are refused with 503 "
                    + "(default: half of --max-connections). A tenth of --max-connections is kept for addresses "
                    + "that have had a request answered, such as Squid's.")
    Integer maxConnectionsPerClient;

    @Option(names = "--reload-interval", defaultValue = "60", paramLabel = "SECONDS",
            description = "How often the list files are checked for changes, which are then loaded in the "
                    + "background and swapped in whole (default: ${DEFAULT-VALUE}; 0 never checks).")
    long reloadInterval;

    @Option(names = "--warm-up", defaultValue = "200000", paramLabel = "REQUESTS",
            description = "Made-up requests served over loopback before listening, so Squid's first requests "
                    + "meet compiled code (default: ${DEFAULT-VALUE}; 0 turns it off).")
    int warmUp;

    @Override
    public Integer call() throws Exception {
        if (reloadInterval < 0) {
            System.err.println("lantern icap: --reload-interval must be 0 or more seconds");
            return 2;
        }
        if (maxConnectionsPerClient != null && maxConnectionsPerClient < 1) {
            System.err.println("lantern icap: --max-connections-per-client must be 1 or more");
            return 2;
        }
        if (warmUp < 0) {
            System.err.println("lantern icap: --warm-up must be 0 or more");
            return 2;
        }
        BlockLinkSigner signer;
        try {
            signer = blockKey.signer();
        } catch (IOException e) {
            System.err.println("lantern icap: " + e.getMessage());
            return 2;
        }
        Set<String> categories = new LinkedHashSet<>(block);
        if (categories.isEmpty()) {
            System.err.println("lantern icap: no --block categories: only unreadable addresses will be blocked");
        }
        System.err.println("lantern icap: loading " + categories + " from " + lists);
        long started = System.nanoTime();
        CategoryListReloader reloader;
        try {
            reloader = CategoryListReloader.load(lists, "lists", categories,
                    line -> System.err.println("lantern icap: " + line));
        } catch (IOException e) {
            System.err.println("lantern icap: cannot load the lists: " + e.getMessage());
            return 1;
        }
        System.err.printf("lantern icap: lists loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);
        CategoryListDecider decider = new CategoryListDecider(reloader.registry(), categories);

        IcapServerConfig defaults = IcapServerConfig.defaults();
        IcapServerConfig config = new IcapServerConfig(bind, port, maxConnections, defaults.maxHeaderBytes(),
                defaults.idleTimeout(), Duration.ofSeconds(30), lanternUrl, blockMode, usernameBase64, signer);
        if (maxConnectionsPerClient != null) {
            config = config.withClientLimits(maxConnectionsPerClient, config.reservedConnections());
        }
        warmUp(config, decider, categories);
        IcapServer server = IcapServer.start(config, decider);
        if (reloadInterval > 0) {
            reloader.pollEvery(Duration.ofSeconds(reloadInterval));
            System.err.println("lantern icap: checking " + lists + " for changes every " + reloadInterval + " s");
        } else {
            System.err.println("lantern icap: --reload-interval 0: list changes need a restart");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reloader.close();
            server.close();
            System.err.println("lantern icap: stopped; " + server.stats());
            stopped.countDown();
        }));
        System.err.println("lantern icap: listening on icap://" + bind + ":" + server.port() + "/reqmod");
        stopped.await();
        return 0;
    }

    /** A failed warm-up costs speed, not service: it is reported and the server starts anyway. */
    private void warmUp(IcapServerConfig config, CategoryListDecider decider, Set<String> categories)
            throws InterruptedException {
        if (warmUp == 0) {
            return;
        }
        System.err.printf(Locale.ROOT, "lantern icap: warming up on %,d made-up requests%n", warmUp);
        long started = System.nanoTime();
        List<Path> domainLists = new ArrayList<>();
        List<Path> urlLists = new ArrayList<>();
        for (String category : categories) {
            domainLists.add(lists.resolve(category).resolve(ListKind.DOMAINS.fileName()));
            urlLists.add(lists.resolve(category).resolve(ListKind.URLS.fileName()));
        }
        try {
            int answered = IcapWarmUp.run(config, decider, WarmUpUrls.make(domainLists, urlLists, warmUp));
            System.err.printf(Locale.ROOT, "lantern icap: warmed up on %,d requests in %d ms%n", answered,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            System.err.println("lantern icap: warm-up failed, starting without it: " + e.getMessage());
        }
    }
}
