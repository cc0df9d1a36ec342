package org.lantern.server.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API token settings ({@code lantern.tokens.*}).
 *
 * @param defaultExpiry how long a token lasts when its maker gives no expiry, and how far a renewal
 *                      moves it on; a token that never expires is a credential nobody remembers to revoke
 */
@ConfigurationProperties(prefix = "lantern.tokens")
public record ApiTokenProperties(Duration defaultExpiry) {

    public ApiTokenProperties {
        defaultExpiry = defaultExpiry == null ? Duration.ofDays(90) : defaultExpiry;
        if (defaultExpiry.isNegative() || defaultExpiry.isZero()) {
            throw new IllegalArgumentException("lantern.tokens.default-expiry must be positive, e.g. 90d");
        }
    }
}
