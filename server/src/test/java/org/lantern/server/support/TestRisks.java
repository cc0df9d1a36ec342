package org.lantern.server.support;

import java.time.Duration;
import java.time.Instant;

import org.lantern.server.alerts.SafeguardingRisk;

/**
 * Risks as the safeguarding monitor reports them, for tests of what an alert does next (the
 * on-call chain, its rounds), so that those tests start from the same search a pupil typed.
 */
public final class TestRisks {

    private TestRisks() {
    }

    /**
     * A search for "k1ll myself" by {@code proxyUser}, matched by the suicide library, at
     * {@code level} in {@code category}, seen at {@code at}.
     */
    public static SafeguardingRisk search(String proxyUser, int level, Instant at, String category) {
        return new SafeguardingRisk(at, null, "Robin", proxyUser, null, "https://www.google.com/search?q=x",
                SafeguardingRisk.Seen.SEARCH, "ks3", level, category, false, "kill myself", "kill myself",
                "k1ll myself", null, "alone", "lantern-suicide", "3", false, 1, Duration.ofMinutes(10));
    }
}
