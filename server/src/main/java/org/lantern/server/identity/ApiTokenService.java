package org.lantern.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and integrations: {@code Authorization: Bearer TOKEN} on {@code /api/**}
 * acts with exactly the permissions of the token's account. A token is shown once when created;
 * only its SHA-256 hash is stored (a token has 256 random bits, so a fast hash is enough), with a
 * short prefix so a person can tell their tokens apart. Every token expires (90 days unless its
 * maker says otherwise, {@link ApiTokenProperties}) and may be renewed while it still works; an
 * administrator's reset of the account's password revokes them all. A token may be limited to a
 * {@link ApiTokenScope}: one that only sends the activity log in carries that permission alone.
 */
@Service
public class ApiTokenService {

    static final String TOKEN_START = "lan_";
    private static final int PREFIX_LENGTH = TOKEN_START.length() + 8;
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final AccountStore store;
    private final AccountEvents events;
    private final ApiTokenProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcClient jdbc, AccountStore store, AccountEvents events, ApiTokenProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.properties = properties;
    }

    /** A token just created; {@link #token()} is never available again. */
    public record CreatedToken(long id, String token, String prefix, Instant expiresAt) {
    }

    /** A stored token as its owner sees it (never the token itself). */
    public record TokenSummary(long id, String name, String prefix, ApiTokenScope scope, Instant createdAt,
                               Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        /** Whether the token would be accepted now. */
        public boolean active() {
            return revokedAt == null && expiresAt.isAfter(Instant.now());
        }
    }

    /** The account a presented token acts for, and what the token may do of what the account may. */
    record Authenticated(AccountStore.StoredAccount account, ApiTokenScope scope) {
    }

    /** Creates a token with all of its account's permissions; see {@link #create(String, String, Integer, ApiTokenScope, String)}. */
    @Transactional
    public CreatedToken create(String username, String name, Integer expiresDays, String actor) {
        return create(username, name, expiresDays, ApiTokenScope.FULL, actor);
    }

    /**
     * Creates a token for an account.
     *
     * @param username    whose permissions the token carries
     * @param name        a label, e.g. "MIS sync"; defaults to "API token"
     * @param expiresDays days until it stops working, or {@code null} for the default ({@code lantern.tokens.default-expiry}, 90 days)
     * @param scope       what the token may do of what the account may
     * @param actor       who asked (audited)
     * @throws AccountException if the account does not exist or is disabled, expiresDays is not positive, or
     *                          the account's role does not include what the scope is for
     */
    @Transactional
    public CreatedToken create(String username, String name, Integer expiresDays, ApiTokenScope scope, String actor) {
        AccountStore.StoredAccount account = store.findByUsername(username)
                .orElseThrow(() -> new AccountException("user", "There is no account called " + username + "."));
        if (!account.enabled()) {
            throw new AccountException("user", "The account " + username + " is disabled.");
        }
        if (expiresDays != null && expiresDays < 1) {
            throw new AccountException("expires-days", "A token must last at least one day.");
        }
        if (!scope.allowedFor(account.role())) {
            throw new AccountException("scope", "The account " + username + " (" + account.role().title()
                    + ") may not send the activity log in, so an " + scope.id() + " token would do nothing: "
                    + "make it for an administrator's account.");
        }
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > MAX_NAME) {
            throw new AccountException("name", "The token name must be at most " + MAX_NAME + " characters.");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_START + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, PREFIX_LENGTH);
        Instant now = Instant.now();
        Instant expiresAt = now.plus(expiresDays == null ? properties.defaultExpiry() : Duration.ofDays(expiresDays));
        jdbc.sql("""
                INSERT INTO api_token (account_id, name, token_prefix, token_hash, created_at, expires_at, scope)
                VALUES (:a, :n, :p, :h, :c, :e, :s)""")
                .param("a", account.id()).param("n", label).param("p", prefix).param("h", hash(token))
                .param("c", AccountStore.utc(now)).param("e", AccountStore.utc(expiresAt))
                .param("s", scope.id()).update();
        long id = idOfHash(hash(token));
        events.record(account.id(), actor, "API_TOKEN_CREATED", label + " (" + prefix + ")"
                + (scope == ApiTokenScope.FULL ? "" : ", " + scope.id() + " only"));
        return new CreatedToken(id, token, prefix, expiresAt);
    }

    /** The account a presented token acts for, if the token is known, unrevoked, unexpired and its account enabled. */
    Optional<Authenticated> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_START)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        record Found(long accountId, String scope) {
        }
        Optional<Found> found = jdbc.sql("""
                SELECT account_id, scope FROM api_token
                WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now""")
                .param("h", hash(token)).param("now", AccountStore.utc(now))
                .query((rs, n) -> new Found(rs.getLong("account_id"), rs.getString("scope"))).optional();
        // A scope this version does not know grants nothing rather than everything.
        Optional<Authenticated> account = found.flatMap(f -> ApiTokenScope.of(f.scope())
                .flatMap(scope -> store.findById(f.accountId()).filter(AccountStore.StoredAccount::enabled)
                        .map(a -> new Authenticated(a, scope))));
        account.ifPresent(a -> jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE token_hash = :h")
                .param("now", AccountStore.utc(now)).param("h", hash(token)).update());
        return account;
    }

    /** The tokens of one account, newest first. */
    public List<TokenSummary> listFor(long accountId) {
        return jdbc.sql("""
                SELECT id, name, token_prefix, scope, created_at, expires_at, revoked_at, last_used_at
                FROM api_token WHERE account_id = :a ORDER BY id DESC""")
                .param("a", accountId)
                .query((rs, n) -> new TokenSummary(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        ApiTokenScope.of(rs.getString("scope")).orElse(null),
                        AccountStore.instant(rs, "created_at"), AccountStore.instant(rs, "expires_at"),
                        AccountStore.instant(rs, "revoked_at"), AccountStore.instant(rs, "last_used_at")))
                .list();
    }

    /**
     * Revokes one of an account's tokens.
     *
     * @throws AccountException if the account has no such token
     */
    @Transactional
    public void revoke(long accountId, long tokenId, String actor) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND account_id = :a AND revoked_at IS NULL")
                .param("now", AccountStore.utc(Instant.now())).param("id", tokenId).param("a", accountId).update();
        if (changed == 0) {
            throw new AccountException("token", "There is no such active token.");
        }
        events.record(accountId, actor, "API_TOKEN_REVOKED", "token " + tokenId);
    }

    /**
     * Renews one of an account's tokens: it works until the default expiry from now.
     *
     * @return the new expiry
     * @throws AccountException if the account has no such token still working (an expired or revoked one is not brought back)
     */
    @Transactional
    public Instant renew(long accountId, long tokenId, String actor) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(properties.defaultExpiry());
        int changed = jdbc.sql("""
                UPDATE api_token SET expires_at = :e
                WHERE id = :id AND account_id = :a AND revoked_at IS NULL AND expires_at > :now""")
                .param("e", AccountStore.utc(expiresAt)).param("now", AccountStore.utc(now))
                .param("id", tokenId).param("a", accountId).update();
        if (changed == 0) {
            throw new AccountException("token", "There is no such working token: an expired or revoked token cannot be renewed.");
        }
        events.record(accountId, actor, "API_TOKEN_RENEWED", "token " + tokenId + " until " + expiresAt);
        return expiresAt;
    }

    /** Revokes every working token of an account, each audited with the reason, e.g. after its password was reset. */
    @Transactional
    public void revokeAll(long accountId, String actor, String reason) {
        Instant now = Instant.now();
        List<Long> ids = jdbc.sql("SELECT id FROM api_token WHERE account_id = :a AND revoked_at IS NULL AND expires_at > :now ORDER BY id")
                .param("a", accountId).param("now", AccountStore.utc(now)).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id").param("now", AccountStore.utc(now)).param("id", id).update();
            events.record(accountId, actor, "API_TOKEN_REVOKED", "token " + id + ": " + reason);
        }
    }

    /** Whether a presented token is one of ours whose time ran out, so its 401 can say to renew it rather than only "not valid". */
    boolean expired(String token) {
        return token != null && jdbc.sql("""
                SELECT COUNT(*) FROM api_token WHERE token_hash = :h AND revoked_at IS NULL AND expires_at <= :now""")
                .param("h", hash(token)).param("now", AccountStore.utc(Instant.now())).query(Long.class).single() > 0;
    }

    private long idOfHash(String hash) {
        return jdbc.sql("SELECT id FROM api_token WHERE token_hash = :h").param("h", hash).query(Long.class).single();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
