-- RFC 6238 §5.2: a TOTP code must not be accepted twice. Each account keeps the time step (Unix
-- time / 30 s) of the last code it accepted; a code of that step or an earlier one is refused.
-- It is in the database, not in memory, so it holds across restarts and across servers sharing
-- the database, and it is moved with one conditional UPDATE, so of two sign-ins with the same
-- code only one can move it. NULL: no code accepted since the secret was set.
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;
