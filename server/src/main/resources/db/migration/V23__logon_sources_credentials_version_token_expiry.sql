-- Throttling by address counts an address's recent failures, whatever usernames they named.
CREATE INDEX logon_attempt_source ON logon_attempt (source_ip, attempted_at);

-- Moved by every change of password, by its owner or an administrator's reset: a session signed in
-- under an earlier version ends at its next request, so a changed credential shuts out whoever
-- still holds a session opened with the old one.
ALTER TABLE account ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;

-- Every API token expires (lantern.tokens.default-expiry, 90 days unless set otherwise). Tokens
-- made without an expiry before this change get 90 days from the upgrade, not from their
-- creation, so no integration stops on the day of the upgrade without warning.
UPDATE api_token SET expires_at = CURRENT_TIMESTAMP + INTERVAL '90' DAY WHERE expires_at IS NULL AND revoked_at IS NULL;
