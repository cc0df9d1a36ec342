package org.lantern.server.filtering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.log.DecisionLog;
import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.proxy.icap.EngineDecider;
import org.lantern.proxy.icap.IcapDecider;
import org.lantern.proxy.icap.IcapServer;
import org.lantern.proxy.icap.IcapServerConfig;
import org.lantern.proxy.icap.IcapStats;
import org.lantern.proxy.icap.IcapVerdict;
import org.lantern.proxy.icap.RequestBodyTap;
import org.lantern.server.DataDirectoryPermissions;
import org.lantern.server.LanternProperties;
import org.lantern.server.filtering.bypass.BypassAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ICAP server Squid asks about every request, run inside the Lantern server when
 * {@code lantern.icap.port} is set (0 picks a free port), so the policy edited in Lantern is the
 * policy enforced with no second process. It listens on {@code lantern.icap.bind} (default
 * loopback: only Squid should reach it), judges with the {@link FilterService}'s engine, appends
 * every decision to the decision log under {@code <data-dir>/decisions}, publishes a
 * {@link FilterAlert} for each {@code BLOCK_AND_ALERT} and hands every bypass attempt to the
 * {@link BypassAttempts} register. With a {@link RequestBodyTap} (the safeguarding monitor's), it
 * hands the start of request bodies to it once each request is answered. Block pages link to {@code lantern.public-url} (default {@code
 * http://localhost:<server port>}). Started once the policy and the category lists are in force;
 * stopped, and the log flushed, when the server shuts down.
 *
 * <p>The server's counters are Micrometer meters ({@code lantern.icap.*}, so {@code
 * /actuator/prometheus} shows them): requests per ICAP method, verdicts, errors per ICAP status
 * (400 is a malformed request), addresses that could not be read, decider failures and open
 * connections.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("lantern.icap.port")
class InProcessIcap implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessIcap.class);

    /** Every ICAP status the server answers errors with, so each has a counter from the start. */
    private static final List<Integer> ERROR_STATUSES = List.of(400, 404, 405, 408, 413, 500, 501, 503, 505);
    private static final List<String> METHODS = List.of("REQMOD", "RESPMOD", "OPTIONS");
    /** Longer than the full shared list set takes on a slow machine (2-6 s here). */
    private static final Duration LISTS_WAIT = Duration.ofMinutes(2);

    private final FilterService filter;
    private final ApplicationEventPublisher events;
    private final BypassAttempts bypassAttempts;
    private final MeterRegistry meters;
    private final LongAdder unreadable = new LongAdder();
    private final IcapServerConfig config;
    private final Path logDirectory;
    private final RequestBodyTap bodies;

    private volatile IcapServer server;
    private volatile DecisionLog decisions;

    InProcessIcap(FilterService filter, ApplicationEventPublisher events, BypassAttempts bypassAttempts,
                  MeterRegistry meters, LanternProperties lantern, BlockLinkSigner blockSigner,
                  Optional<RequestBodyTap> bodies,
                  @Value("${lantern.icap.port}") int port,
                  @Value("${lantern.icap.bind:127.0.0.1}") String bind,
                  @Value("${lantern.icap.block-mode:PAGE}") IcapServerConfig.BlockMode blockMode,
                  @Value("${lantern.public-url:}") String publicUrl,
                  @Value("${server.port:8080}") int serverPort) {
        this.filter = filter;
        this.events = events;
        this.bypassAttempts = bypassAttempts;
        this.meters = meters;
        String base = publicUrl.isBlank() ? "http://localhost:" + serverPort : publicUrl;
        IcapServerConfig defaults = IcapServerConfig.defaults();
        this.config = new IcapServerConfig(bind, port, defaults.maxConnections(), defaults.maxHeaderBytes(),
                defaults.idleTimeout(), Duration.ofSeconds(30), base, blockMode, false, blockSigner);
        this.logDirectory = lantern.dataDir().resolve(DataDirectoryPermissions.DECISIONS);
        this.bodies = bodies.orElse(RequestBodyTap.NONE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        awaitCategoryLists();
        try {
            decisions = DecisionLog.open(logDirectory);
            server = IcapServer.start(config,
                    countingUnreadable(new EngineDecider(filter.engine(), Clock.systemUTC(), this::record)), bodies);
        } catch (IOException e) {
            throw new UncheckedIOException("The ICAP server could not start on " + config.bind() + ":" + config.port(), e);
        }
        log.info("ICAP filter listening on icap://{}:{}/reqmod; decisions logged in {}", config.bind(), server.port(),
                logDirectory);
        registerMeters(server.stats());
    }

    /**
     * Waits for the first load of the category lists before listening: until they are in force a
     * pupil's request would be judged on the local and illegal-content lists alone. Squid, with the
     * README's {@code bypass=off}, refuses pages while nothing listens, so the filter fails closed
     * for the seconds a load takes. A load that fails has been logged by the filter; the server then
     * starts on the lists it has, as after a failed reload, rather than take the school offline.
     */
    private void awaitCategoryLists() {
        try {
            filter.listsLoaded().get(LISTS_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.error("ICAP filter starting without category lists: they could not be loaded");
        } catch (TimeoutException e) {
            log.error("ICAP filter starting without category lists: still loading after {}", LISTS_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port listened on (useful when 0 asked for any free port); -1 before start. */
    int port() {
        IcapServer s = server;
        return s == null ? -1 : s.port();
    }

    /**
     * Logs the decision, raises an alert and records a bypass attempt; never throws, since a
     * failure here must not unblock a page. Neither the alert nor the attempt is written on this
     * thread: both are queued, so the proxy never waits for the database or a mail server.
     */
    private void record(Decision decision) {
        try {
            decisions.append(decision);
            if (decision.action() == Action.BLOCK_AND_ALERT) {
                events.publishEvent(new FilterAlert(decision));
            }
            if (decision.bypassAttempt()) {
                bypassAttempts.offer(decision);
            }
        } catch (RuntimeException e) {
            log.error("A filter decision could not be recorded", e);
        }
    }

    /** The engine's decider, counting the addresses it blocks because they cannot be read (they are never decided). */
    private IcapDecider countingUnreadable(EngineDecider decider) {
        return (url, method, user, clientIp) -> {
            IcapVerdict verdict = decider.decide(url, method, user, clientIp);
            if (verdict instanceof IcapVerdict.Block block && EngineDecider.UNREADABLE.equals(block.reason())) {
                unreadable.increment();
            }
            return verdict;
        };
    }

    private void registerMeters(IcapStats stats) {
        for (String method : METHODS) {
            FunctionCounter.builder("lantern.icap.requests", stats, s -> s.requests(method)).tag("method", method)
                    .description("Well-formed ICAP requests read").register(meters);
        }
        FunctionCounter.builder("lantern.icap.verdicts", stats, IcapStats::allowed).tag("verdict", "allow")
                .description("Requests answered, by verdict").register(meters);
        FunctionCounter.builder("lantern.icap.verdicts", stats, IcapStats::blocked).tag("verdict", "block")
                .description("Requests answered, by verdict").register(meters);
        FunctionCounter.builder("lantern.icap.verdicts", stats, IcapStats::redirected).tag("verdict", "redirect")
                .description("Requests answered, by verdict").register(meters);
        FunctionCounter.builder("lantern.icap.verdicts", stats, IcapStats::rewritten).tag("verdict", "rewrite")
                .description("Requests answered, by verdict").register(meters);
        for (int status : ERROR_STATUSES) {
            FunctionCounter.builder("lantern.icap.errors", stats, s -> s.errors(status))
                    .tag("status", Integer.toString(status))
                    .description("ICAP requests refused, by status; 400 is a malformed request").register(meters);
        }
        FunctionCounter.builder("lantern.icap.unreadable.urls", unreadable, LongAdder::sum)
                .description("Requests blocked because their address could not be read").register(meters);
        FunctionCounter.builder("lantern.icap.decider.failures", stats, IcapStats::deciderFailures)
                .description("Decisions that failed, each answered with a block").register(meters);
        FunctionCounter.builder("lantern.icap.connections.refused", stats, IcapStats::connectionsRefused)
                .description("Connections refused at the connection cap").register(meters);
        Gauge.builder("lantern.icap.connections.open", stats, IcapStats::connectionsOpen)
                .description("ICAP connections open now").register(meters);
    }

    @Override
    public void destroy() {
        IcapServer s = server;
        if (s != null) {
            s.close();
            log.info("ICAP filter stopped; {}", s.stats());
        }
        DecisionLog d = decisions;
        if (d != null) {
            d.close();
        }
    }
}
