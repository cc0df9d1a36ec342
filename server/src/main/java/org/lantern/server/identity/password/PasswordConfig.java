package org.lantern.server.identity.password;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the common-password list once at start-up; it is read on every password check. */
@Configuration
class PasswordConfig {

    @Bean
    CommonPasswords commonPasswords() {
        return CommonPasswords.fromZxcvbn();
    }
}
