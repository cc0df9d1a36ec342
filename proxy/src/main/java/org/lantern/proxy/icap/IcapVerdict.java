package org.lantern.proxy.icap;

import java.util.Map;
import java.util.Objects;

/**
 * What the ICAP server does with one adapted HTTP request. A sealed set, so the server handles
 * every kind of decision and a new kind cannot be added without it being enforced.
 */
public sealed interface IcapVerdict {

    /** The shared allow verdict: the request goes to the origin unchanged. */
    Allow ALLOW = new Allow();

    /** Let the request through unchanged (ICAP 204 when the client allows it). */
    record Allow() implements IcapVerdict {
    }

    /**
     * Refuse the request and explain why on Lantern's block page.
     *
     * @param reason plain-words reason shown to the pupil, e.g. "This site is in the gambling category."
     * @param category the category that blocked it, e.g. {@code gambling}; empty when none applies
     */
    record Block(String reason, String category) implements IcapVerdict {

        /** Rejects missing parts: a block must always explain itself. */
        public Block {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(category, "category");
        }
    }

    /**
     * Answer the browser with an HTTP 302 to another address (for example a policy page).
     *
     * @param location the absolute URL to send the browser to
     */
    record Redirect(String location) implements IcapVerdict {

        /** Rejects a missing location. */
        public Redirect {
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * Send the request on, changed: to another URL (for example the SafeSearch form of a search)
     * and/or with header fields set (for example {@code YouTube-Restrict: Strict}). The proxy
     * fetches the changed request transparently; the browser is not told.
     *
     * @param url the absolute URL to fetch instead, or {@code null} to keep the request's own
     * @param headers header fields to set, replacing any of the same name the client sent
     */
    record Rewrite(String url, Map<String, String> headers) implements IcapVerdict {

        /** Copies the headers and rejects a rewrite that would change nothing. */
        public Rewrite {
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
            if (url == null && headers.isEmpty()) {
                throw new IllegalArgumentException("a rewrite must change the URL or set a header");
            }
        }

        /** @param url the absolute URL to fetch instead */
        public Rewrite(String url) {
            this(Objects.requireNonNull(url, "url"), Map.of());
        }
    }
}
