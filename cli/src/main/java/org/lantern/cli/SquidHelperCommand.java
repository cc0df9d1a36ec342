package org.lantern.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.lantern.filter.log.DecisionLog;

import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.helper.SquidHelper;
import org.lantern.proxy.helper.WarmUp;
import org.lantern.proxy.squidguard.SquidGuardConfException;
import org.lantern.proxy.squidguard.SquidGuardPolicy;
import org.lantern.proxy.squidguard.SquidGuardPolicyReloader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lantern squid-helper}: a drop-in for squidGuard. A school changes the
 * {@code url_rewrite_program} line of squid.conf to this command and keeps its squidGuard.conf
 * and lists. Squid owns stdout, so the real stdout is taken for protocol replies only and
 * {@code System.out} is pointed at stderr before anything else runs; Spring Boot is never
 * started. Every decision is appended to the decision log (JSON lines, one file per day, batched
 * and forced to disk) in squidGuard.conf's {@code logdir} or {@code --decision-log}, and Squid gets
 * each reply only once its decision is on disk, so a helper killed with {@code kill -9} has
 * answered nothing it has not recorded. Before the
 * first line is read, the request path is warmed up on made-up requests ({@link WarmUp}), so the
 * first minutes of a helper that then serves for days run compiled code. squidGuard.conf and the
 * files it names are checked for changes every {@code --reload-interval} and reloaded in the
 * background ({@link SquidGuardPolicyReloader}), so a list or rule update needs no
 * {@code squid -k reconfigure}, which would restart every helper. The decision log's directory is
 * chosen at start: a reload that changes {@code logdir} does not move it.
 */
@Command(name = "squid-helper", mixinStandardHelpOptions = true,
        description = "Serve Squid as a url_rewrite_program or external_acl_type helper, enforcing an existing squidGuard.conf.")
class SquidHelperCommand implements Callable<Integer> {

    @Option(names = "--squidguard-conf", required = true, paramLabel = "FILE",
            description = "The squidGuard.conf to enforce (its dbhome, src, dest, time and acl).")
    Path squidGuardConf;

    @Option(names = "--protocol", defaultValue = "url-rewrite", paramLabel = "url-rewrite|external-acl",
            description = "The Squid helper protocol (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--concurrency", defaultValue = "1", paramLabel = "N",
            description = "Requests judged at once, as squid.conf's concurrency=N (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--decision-log", paramLabel = "DIR",
            description = "Directory of the decision log (decisions-YYYY-MM-DD.jsonl); default: squidGuard.conf's logdir.")
    Path decisionLog;

    @Option(names = "--warm-up", defaultValue = "200000", paramLabel = "LINES",
            description = "Made-up requests judged at start-up so the JIT has compiled the request path "
                    + "before Squid's first (default: ${DEFAULT-VALUE}; 0 for none).")
    int warmUp;

    @Mixin
    BlockKeyOption blockKey = new BlockKeyOption();

    @Option(names = "--reload-interval", defaultValue = "60", paramLabel = "SECONDS",
            description = "How often squidGuard.conf and the files it names are checked for changes, which are "
                    + "then loaded in the background and swapped in whole, so Squid need not restart the helper "
                    + "(default: ${DEFAULT-VALUE}; 0 never checks). The decision log stays where it was at start, "
                    + "whatever logdir a reloaded squidGuard.conf names.")
    long reloadInterval;

    @Override
    public Integer call() throws Exception {
        OutputStream squid = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream err = System.err;
        System.setOut(err);
        SquidHelper.Protocol p = switch (protocol) {
            case "url-rewrite" -> SquidHelper.Protocol.URL_REWRITE;
            case "external-acl" -> SquidHelper.Protocol.EXTERNAL_ACL;
            default -> null;
        };
        if (p == null) {
            err.println("lantern squid-helper: --protocol must be url-rewrite or external-acl, not '" + protocol + "'");
            return 2;
        }
        if (concurrency < 1) {
            err.println("lantern squid-helper: --concurrency must be at least 1");
            return 2;
        }
        if (reloadInterval < 0) {
            err.println("lantern squid-helper: --reload-interval must be 0 or more seconds");
            return 2;
        }
        BlockLinkSigner signer;
        try {
            signer = blockKey.signer();
        } catch (IOException e) {
            err.println("lantern squid-helper: " + e.getMessage());
            return 2;
        }
        SquidGuardPolicyReloader policy;
        try {
            policy = SquidGuardPolicyReloader.load(squidGuardConf, line -> err.println("lantern squid-helper: " + line));
        } catch (SquidGuardConfException | IOException e) {
            err.println("lantern squid-helper: " + e.getMessage());
            return 1;
        }
        Path logDirectory = decisionLog != null ? decisionLog : policy.get().config().logdir().orElse(null);
        if (logDirectory == null) {
            err.println("lantern squid-helper: " + squidGuardConf + " has no logdir; give --decision-log DIR");
            return 2;
        }
        if (warmUp < 0) {
            err.println("lantern squid-helper: --warm-up must be 0 or more");
            return 2;
        }
        long warmStart = System.nanoTime();
        // The warm-up's decisions go to a throw-away log, so the log writer is compiled as well.
        Path scratch = Files.createTempDirectory("lantern-squid-helper-warm-up");
        try (DecisionLog scratchLog = DecisionLog.open(scratch.resolve("log"))) {
            WarmUp.run(helper(policy, p, line -> { }, scratchLog, signer), policy.get().config(), warmUp, concurrency,
                    scratch);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        err.printf(Locale.ROOT, "lantern squid-helper: warmed up on %,d made-up requests in %d ms%n", warmUp,
                (System.nanoTime() - warmStart) / 1_000_000);
        if (reloadInterval > 0) {
            policy.pollEvery(Duration.ofSeconds(reloadInterval));
            err.println("lantern squid-helper: checking " + squidGuardConf + " and the files it names for changes every "
                    + reloadInterval + " s");
        } else {
            err.println("lantern squid-helper: --reload-interval 0: changes need a restart of the helper");
        }
        try (policy; DecisionLog decisions = DecisionLog.open(logDirectory)) {
            SquidHelper helper = helper(policy, p, err::println, decisions, signer);
            err.println("lantern squid-helper: serving " + protocol + " on stdin/stdout, concurrency " + concurrency
                    + "; decisions logged in " + logDirectory);
            helper.serve(System.in, squid, concurrency);
            err.println("lantern squid-helper: end of input; " + helper);
            decisions.close();
            err.println("lantern squid-helper: decision log: " + decisions.written() + " written, "
                    + decisions.dropped() + " dropped, " + decisions.failed() + " failed");
        }
        return 0;
    }

    /**
     * Builds the warm-up's helper and the real one alike: the decision-log sink is one method
     * reference here, so both helpers hand their batches to the same class and the code compiled
     * during the warm-up is not thrown away at the first real batch.
     */
    private static SquidHelper helper(Supplier<SquidGuardPolicy> policy, SquidHelper.Protocol protocol,
            Consumer<String> problems, DecisionLog log, BlockLinkSigner signer) {
        return new SquidHelper(policy, protocol, Clock.systemDefaultZone(), problems, log::appendAll, signer);
    }
}
