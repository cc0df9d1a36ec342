package org.lantern.server.identity.password;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes passwords: a person changing their own, or an administrator issuing a one-time password.
 * Each change keeps the old hash for the history rule and writes an audit row; no password is ever
 * stored or logged in the clear.
 */
@Service
public class PasswordChanger {

    /** Rule id of the violation reported when the current password given is wrong. */
    public static final String WRONG_CURRENT_PASSWORD = "current-password";
    /** Rule id of the violation reported when the new password and its confirmation differ. */
    public static final String CONFIRMATION_MISMATCH = "confirmation";

    // No 0/O, 1/l/I: the one-time password is read aloud or copied from paper by the person.
    // No 0/O, 1/l/I: one-time passwords are read off a screen and typed by hand.
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALPHABET = UPPER + LOWER + DIGITS;
    private static final int TEMPORARY_LENGTH = 16;
    private static final int GENERATION_ATTEMPTS = 100;

    private final PasswordAccounts accounts;
    private final PasswordPolicyService policies;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    PasswordChanger(PasswordAccounts accounts, PasswordPolicyService policies, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
    }

    /**
     * A person changes their own password. Nothing changes unless the current password is right,
     * the confirmation matches and the new password meets every rule of the active policy.
     *
     * @return every problem found; empty when the password was changed
     */
    @Transactional
    public List<Violation> change(long accountId, String currentPassword, String newPassword, String confirmation) {
        PasswordAccounts.Row account = accounts.lock(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account with id " + accountId));
        String current = currentPassword == null ? "" : currentPassword;
        String candidate = newPassword == null ? "" : newPassword;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        List<Violation> problems = new ArrayList<>();
        boolean currentRight = current.length() <= PasswordPreset.MAX_LENGTH && encoder.matches(current, account.passwordHash());
        if (!currentRight) {
            // Without the current password, checking the new one would let someone at an unlocked
            // screen learn the person's old passwords from the history rule.
            problems.add(new Violation(WRONG_CURRENT_PASSWORD, "Your current password is not right"));
        }
        if (!candidate.equals(confirmation)) {
            problems.add(new Violation(CONFIRMATION_MISMATCH, "The new password and its confirmation do not match"));
        }
        if (currentRight) {
            problems.addAll(policies.check(policies.contextOf(account), candidate));
        }
        if (!problems.isEmpty()) {
            accounts.recordEvent(accountId, "CHANGE_REJECTED", account.username(),
                    problems.stream().map(Violation::ruleId).collect(Collectors.joining(",")), now);
            return problems;
        }
        accounts.replacePassword(account, encoder.encode(candidate), false, now, policies.previousHashesToKeep());
        accounts.recordEvent(accountId, "CHANGED", account.username(), "policy: " + policies.activePolicy().name(), now);
        return List.of();
    }

    /**
     * An administrator resets a password: the account gets a random one-time password that meets the
     * active policy and must change it at the next sign-in.
     *
     * @param actor username of the administrator, recorded in the audit row
     * @return the one-time password, to be given to the person; it is not stored anywhere in the clear
     */
    @Transactional
    public String setTemporaryPassword(long accountId, String actor) {
        PasswordAccounts.Row account = accounts.lock(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account with id " + accountId));
        String candidate = generate(policies.contextOf(account));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        accounts.replacePassword(account, encoder.encode(candidate), true, now, policies.previousHashesToKeep());
        accounts.recordEvent(accountId, "TEMPORARY_SET", actor, "one-time password issued", now);
        return candidate;
    }

    /** A random password, readable off a screen, that the active policy accepts for this person. */
    String generate(PasswordContext context) {
        for (int attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
            String candidate = randomPassword(Math.max(TEMPORARY_LENGTH, policies.activePolicy().minimumLength()));
            if (policies.check(context, candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("could not generate a password meeting the active policy");
    }

    private String randomPassword(int length) {
        // One of each kind first, so composition rules are met whatever the policy asks for.
        StringBuilder password = new StringBuilder()
                .append(pick(UPPER)).append(pick(LOWER)).append(pick(DIGITS));
        while (password.length() < length) {
            password.append(pick(ALPHABET));
        }
        for (int i = password.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, swap);
        }
        return password.toString();
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
