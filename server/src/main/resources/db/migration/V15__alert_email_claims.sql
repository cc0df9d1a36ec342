-- Several Lantern servers may share one database. A server claims an alert email (claimed_by,
-- until claimed_until) with one conditional UPDATE before sending it, so two live servers never
-- both send it; a claim left by a server that stopped mid-send lapses, and another server sends
-- the email then.
ALTER TABLE alert_email ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE alert_email ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
