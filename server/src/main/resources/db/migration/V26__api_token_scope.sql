-- What an API token may do: 'full' acts with all its account's permissions (every token made
-- before scopes existed); 'ingest' only sends activity-log rows in (ACTIVITY_INGEST), so a token
-- kept on a proxy machine can read nothing if it is stolen.
ALTER TABLE api_token ADD COLUMN scope VARCHAR(16) DEFAULT 'full' NOT NULL;
