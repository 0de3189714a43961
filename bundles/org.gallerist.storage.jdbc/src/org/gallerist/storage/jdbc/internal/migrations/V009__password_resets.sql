-- A password reset an admin started: the hash of its one-time token and when the token stops working (epoch ms).
-- Both are NULL when no reset is pending.
ALTER TABLE users ADD COLUMN reset_token_hash VARCHAR(128);
ALTER TABLE users ADD COLUMN reset_expires_ms BIGINT;
