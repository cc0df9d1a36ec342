-- Two-factor secrets are stored encrypted (AES-256-GCM, the key outside the database): a dump or
-- backup of the database alone cannot make a person's codes. The encrypted form,
-- "v1:" + base64(nonce, ciphertext, tag), is longer than a plain secret. Secrets stored in plain
-- text before this change are encrypted by the server at its next start (identity.TotpSecrets).
ALTER TABLE account ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(255);
