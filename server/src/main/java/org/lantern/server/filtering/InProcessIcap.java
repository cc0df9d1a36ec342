package org.lantern.server.filtering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.log.DecisionLog;
import org.lantern.proxy.icap.EngineDecider;
import org.lantern.proxy.icap.IcapServer;
import org.lantern.proxy.icap.IcapServerConfig;
import org.lantern.server.LanternProperties;
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
 * every decision to the decision log under {@code <data-dir>/decisions} and publishes a
 * {@link FilterAlert} for each {@code BLOCK_AND_ALERT}. Block pages link to {@code
 * lantern.public-url} (default {@code http://localhost:<server port>}). Started once the policy
 * is in force; stopped, and the log flushed, when the server shuts down.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("lantern.icap.port")
class InProcessIcap implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessIcap.class);

    private final FilterService filter;
    private final ApplicationEventPublisher events;
    private final IcapServerConfig config;
    private final Path logDirectory;

    private volatile IcapServer server;
    private volatile DecisionLog decisions;

    InProcessIcap(FilterService filter, ApplicationEventPublisher events, LanternProperties lantern,
                  @Value("${lantern.icap.port}") int port,
                  @Value("${lantern.icap.bind:127.0.0.1}") String bind,
                  @Value("${lantern.icap.block-mode:PAGE}") IcapServerConfig.BlockMode blockMode,
                  @Value("${lantern.public-url:}") String publicUrl,
                  @Value("${server.port:8080}") int serverPort) {
        this.filter = filter;
        this.events = events;
        String base = publicUrl.isBlank() ? "http://localhost:" + serverPort : publicUrl;
        IcapServerConfig defaults = IcapServerConfig.defaults();
        this.config = new IcapServerConfig(bind, port, defaults.maxConnections(), defaults.maxHeaderBytes(),
                defaults.idleTimeout(), Duration.ofSeconds(30), base, blockMode, false);
        this.logDirectory = lantern.dataDir().resolve("decisions");
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            decisions = DecisionLog.open(logDirectory);
            server = IcapServer.start(config, new EngineDecider(filter.engine(), Clock.systemUTC(), this::record));
        } catch (IOException e) {
            throw new UncheckedIOException("The ICAP server could not start on " + config.bind() + ":" + config.port(), e);
        }
        log.info("ICAP filter listening on icap://{}:{}/reqmod; decisions logged in {}", config.bind(), server.port(),
                logDirectory);
    }

    /** The port listened on (useful when 0 asked for any free port); -1 before start. */
    int port() {
        IcapServer s = server;
        return s == null ? -1 : s.port();
    }

    /** Logs the decision and raises an alert; never throws, since a failure here must not unblock a page. */
    private void record(Decision decision) {
        try {
            decisions.append(decision);
            if (decision.action() == Action.BLOCK_AND_ALERT) {
                events.publishEvent(new FilterAlert(decision));
            }
        } catch (RuntimeException e) {
            log.error("A filter decision could not be recorded", e);
        }
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
