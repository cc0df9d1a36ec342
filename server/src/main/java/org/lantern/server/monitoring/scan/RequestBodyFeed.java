package org.lantern.server.monitoring.scan;

import java.time.Clock;

import org.lantern.policy.Monitoring;
import org.lantern.proxy.icap.RequestBody;
import org.lantern.proxy.icap.RequestBodyTap;
import org.lantern.server.policy.PolicyChanged;
import org.lantern.server.policy.PolicyService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What pupils type into web pages, from the in-process ICAP server: when the policy in force turns
 * typed text on ({@link Monitoring#typedText()}, off unless the school turns it on, and of use only
 * with TLS inspection, as Squid sees nothing inside an encrypted connection) the server asks Squid
 * for the first {@link Monitoring#typedTextMaxBytes()} bytes of every request body, answers, and
 * hands them here, on the proxy's thread; form posts and JSON bodies are queued for the monitor,
 * the rest ignored.
 *
 * <p>The size is read from the policy once at start and again whenever a new version comes into
 * force, never on the proxy's thread: a new policy also gives the ICAP server a new ISTag, so
 * Squid asks again for its OPTIONS and the preview it now wants.
 */
@Component
class RequestBodyFeed implements RequestBodyTap, ApplicationRunner {

    private final ScanQueue queue;
    private final PolicyService policies;
    private final Clock clock = Clock.systemUTC();
    private volatile int maxBytes;

    RequestBodyFeed(ScanQueue queue, PolicyService policies) {
        this.queue = queue;
        this.policies = policies;
    }

    /** After the first policy is in force (PolicyBootstrap runs first), before the ICAP server listens. */
    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /** Before the filter takes the new policy (and so gives Squid a new ISTag), so no OPTIONS carries the old size. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onPolicyChanged(PolicyChanged event) {
        refresh();
    }

    private void refresh() {
        maxBytes = policies.current().isEmpty() ? 0 : policies.currentDocument().monitoringInForce().typedTextBytes();
    }

    @Override
    public int maxBytes() {
        return maxBytes;
    }

    @Override
    public void take(RequestBody body) {
        if (maxBytes > 0 && BodyText.readable(body.contentType())) {
            queue.offer(ScanRequest.typed(body, clock.instant()));
        }
    }
}
