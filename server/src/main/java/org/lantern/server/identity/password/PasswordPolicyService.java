package org.lantern.server.identity.password;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The password policy in force and the checks against it. Every place that accepts a new password
 * (change, reset, new account) asks this service, so one policy is enforced everywhere.
 */
@Service
public class PasswordPolicyService {

    private final PasswordPolicySettings settings;
    private final PasswordAccounts accounts;
    private final Map<PasswordPreset, PasswordPolicy> policies = new EnumMap<>(PasswordPreset.class);

    PasswordPolicyService(PasswordPolicySettings settings, PasswordAccounts accounts,
                          CommonPasswords commonPasswords, PasswordEncoder encoder) {
        this.settings = settings;
        this.accounts = accounts;
        for (PasswordPreset preset : PasswordPreset.values()) {
            policies.put(preset, preset.policy(commonPasswords, encoder));
        }
    }

    /** The preset the administrator chose last. */
    public PasswordPreset activePreset() {
        return settings.active();
    }

    /** The policy of the preset in force. */
    public PasswordPolicy activePolicy() {
        return policyOf(activePreset());
    }

    /** The enforceable policy behind a preset. */
    public PasswordPolicy policyOf(PasswordPreset preset) {
        return policies.get(preset);
    }

    /** Every rule of the active policy that {@code candidate} breaks for this person. */
    public List<Violation> check(PasswordContext context, String candidate) {
        return activePolicy().check(candidate, context);
    }

    /** Every rule of the active policy that {@code candidate} breaks as the next password of this account. */
    public List<Violation> check(long accountId, String candidate) {
        PasswordAccounts.Row account = accounts.byId(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account with id " + accountId));
        return check(contextOf(account), candidate);
    }

    PasswordContext contextOf(PasswordAccounts.Row account) {
        List<String> recent = new ArrayList<>();
        recent.add(account.passwordHash());
        recent.addAll(accounts.previousHashes(account.id()));
        return new PasswordContext(account.username(), account.displayName(), recent);
    }

    /**
     * How many previous hashes to keep per account: enough for the strictest preset, so switching
     * presets never finds the history too short. The current password is not counted, being stored
     * on the account itself.
     */
    int previousHashesToKeep() {
        int deepest = Arrays.stream(PasswordPreset.values())
                .mapToInt(preset -> policyOf(preset).historyDepth())
                .max()
                .orElse(0);
        return Math.max(0, deepest - 1);
    }
}
