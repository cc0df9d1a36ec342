package org.lantern.proxy.squidguard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lantern.proxy.reload.FileSetReloader;
import org.lantern.proxy.reload.WatchedFiles;
import org.lantern.proxy.squidguard.SquidGuardConfig.Dest;

/**
 * Keeps a squidGuard policy in step with its squidGuard.conf and the files it names, so that a
 * school's list update or rule change takes effect in a running {@code lantern squid-helper}.
 * Without it the school must run {@code squid -k reconfigure}, which restarts every helper: a few
 * seconds of loading each, then a cold JIT.
 *
 * <p>The files watched are squidGuard.conf itself, the {@code userlist} and {@code iplist} files
 * its sources name, and every {@code domainlist}, {@code urllist} and {@code expressionlist} its
 * destinations name. A changed squidGuard.conf may name other files, so each load parses the
 * configuration again and watches the files of the configuration it parsed. How the files are
 * checked, loaded beside the policy in force and swapped in is {@link FileSetReloader}'s; a
 * configuration that does not parse or a list that cannot be read leaves the old policy in force,
 * and bad list lines are skipped and counted.
 *
 * <p>Requests get the policy in force from {@link #get()}, one volatile read: a request that reads
 * it once is judged by one policy throughout.
 */
public final class SquidGuardPolicyReloader extends FileSetReloader<SquidGuardPolicy>
        implements Supplier<SquidGuardPolicy> {

    private final Path conf;
    private final Consumer<String> log;
    private volatile SquidGuardPolicy policy;

    private SquidGuardPolicyReloader(Path conf, Consumer<String> log, SquidGuardPolicy policy, WatchedFiles files) {
        super("squidGuard rules and lists", conf, files, log);
        this.conf = conf;
        this.log = log;
        this.policy = policy;
    }

    /**
     * Parses a squidGuard.conf and loads every list it names, remembering what the files looked
     * like beforehand, so an edit made while they were loading is noticed at the first check.
     *
     * @param conf the squidGuard.conf
     * @param log receives a summary of the configuration, one line per list file loaded, and a
     *     line for each reload or failed reload
     * @return the reloader, whose {@link #get()} gives the loaded policy
     * @throws IOException if squidGuard.conf or a file it names cannot be read
     * @throws SquidGuardConfException if the configuration is invalid or uses an unsupported feature
     */
    public static SquidGuardPolicyReloader load(Path conf, Consumer<String> log)
            throws IOException, SquidGuardConfException {
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(log, "log");
        WatchedFiles files = new WatchedFiles();
        SquidGuardPolicy policy = read(conf, log, files);
        return new SquidGuardPolicyReloader(conf, log, policy, files);
    }

    /** @return the policy in force */
    @Override
    public SquidGuardPolicy get() {
        return policy;
    }

    @Override
    protected SquidGuardPolicy read(WatchedFiles files) throws IOException, SquidGuardConfException {
        return read(conf, log, files);
    }

    @Override
    protected void swapIn(SquidGuardPolicy next) {
        Optional<Path> before = policy.config().logdir();
        Optional<Path> after = next.config().logdir();
        if (!before.equals(after)) {
            // The decision log is opened once, at start: say so rather than let the school look
            // for its log where the new squidGuard.conf says it is.
            log.accept(conf + " now names logdir " + after.map(Path::toString).orElse("(none)") + " instead of "
                    + before.map(Path::toString).orElse("(none)")
                    + "; the decision log stays where it was opened until the helper restarts");
        }
        policy = next;
    }

    private static SquidGuardPolicy read(Path conf, Consumer<String> log, WatchedFiles files)
            throws IOException, SquidGuardConfException {
        SquidGuardConfig config = new SquidGuardConfParser(files::watch).parse(conf);
        log.accept(conf + ": " + config.sources().size() + " sources, " + config.dests().size() + " destinations, "
                + (config.acls().size() + 1) + " acls");
        for (Dest dest : config.dests().values()) {
            dest.domainLists().forEach(files::watch);
            dest.urlLists().forEach(files::watch);
            dest.expressionLists().forEach(files::watch);
        }
        return SquidGuardPolicy.load(config, log);
    }
}
