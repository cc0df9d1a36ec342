package org.lantern.server.identity.password;

import java.time.Duration;
import java.util.List;

import org.lantern.server.identity.password.CharacterClassRule.CharacterClass;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password policies an administrator can choose between. {@link #SCHOOL_POLICY} is what the
 * schools' own written policies say (Rothwell Primary §7, Prince Henry's §4.1); {@link #NIST_800_63B}
 * is the current US government guidance, which favours length and a blocklist over composition rules
 * and forced expiry.
 */
public enum PasswordPreset {

    /**
     * 8+ characters with a capital and a numeral, no personal information, not the last 2, change every
     * 6 weeks; and, because the policies ask for "strong passwords", none of the well-known common ones.
     */
    SCHOOL_POLICY("School policy") {
        @Override
        public PasswordPolicy policy(CommonPasswords commonPasswords, PasswordEncoder encoder) {
            return new PasswordPolicy(title(), List.of(
                    new MinimumLengthRule(8, "school policy: at least 8 characters"),
                    new MaximumLengthRule(MAX_LENGTH),
                    new CharacterClassRule(CharacterClass.CAPITAL, "school policy: a capital and a numeral"),
                    new CharacterClassRule(CharacterClass.NUMERAL, "school policy: a capital and a numeral"),
                    new PersonalInformationRule("school policy: no personal information"),
                    new CommonPasswordRule(commonPasswords, "school policy: strong passwords, so not a well-known common password"),
                    new PasswordHistoryRule(2, encoder, "school policy: not the last 2 passwords")),
                    Duration.ofDays(42));
        }
    },

    /** 15+ characters, not on the common-password list, no personal information, no composition rules, no expiry. */
    NIST_800_63B("NIST SP 800-63B") {
        @Override
        public PasswordPolicy policy(CommonPasswords commonPasswords, PasswordEncoder encoder) {
            return new PasswordPolicy(title(), List.of(
                    new MinimumLengthRule(15, "NIST SP 800-63B: at least 15 characters"),
                    new MaximumLengthRule(MAX_LENGTH),
                    new CommonPasswordRule(commonPasswords, "NIST SP 800-63B: not a known common or compromised password"),
                    new PersonalInformationRule("NIST SP 800-63B: no context-specific words such as your name")),
                    null);
        }
    };

    /** Longest password any preset accepts; NIST asks for at least 64, Argon2 cost asks for a bound. */
    static final int MAX_LENGTH = 128;

    private final String title;

    PasswordPreset(String title) {
        this.title = title;
    }

    /** The name people see, e.g. "School policy". */
    public String title() {
        return title;
    }

    /** The enforceable policy this preset stands for. */
    public abstract PasswordPolicy policy(CommonPasswords commonPasswords, PasswordEncoder encoder);
}
