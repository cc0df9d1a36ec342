package org.lantern.server.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server's password encoder, counting its password-hash checks: tests compare the work done
 * for different answers by counting, not by timing, which a shared machine makes noisy.
 */
class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder real = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence rawPassword) {
        return real.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.incrementAndGet();
        return real.matches(rawPassword, encodedPassword);
    }

    /** Password-hash checks so far. */
    int checks() {
        return checks.get();
    }

    /** Import into a test to count every check the server makes. */
    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        CountingPasswordEncoder countingPasswordEncoder() {
            return new CountingPasswordEncoder();
        }
    }
}
