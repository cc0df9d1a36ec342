package org.lantern.server.monitoring.scan;

import java.time.Clock;

import org.lantern.proxy.icap.RequestBody;
import org.lantern.proxy.icap.RequestBodyTap;
import org.springframework.stereotype.Component;

/**
 * What pupils type into web pages, from the in-process ICAP server: with
 * {@code lantern.monitoring.request-bodies.enabled} (off unless the school turns it on, and of use
 * only with TLS inspection, as Squid sees nothing inside an encrypted connection) the server asks
 * Squid for the first {@code max-size} bytes of every request body, answers, and hands them here,
 * on the proxy's thread; form posts and JSON bodies are queued for the monitor, the rest ignored.
 */
@Component
class RequestBodyFeed implements RequestBodyTap {

    private final ScanQueue queue;
    private final int maxBytes;
    private final Clock clock = Clock.systemUTC();

    RequestBodyFeed(ScanQueue queue, MonitoringProperties settings) {
        this.queue = queue;
        MonitoringProperties.RequestBodies bodies = settings.requestBodies();
        this.maxBytes = bodies.enabled() ? (int) bodies.maxSize().toBytes() : 0;
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
