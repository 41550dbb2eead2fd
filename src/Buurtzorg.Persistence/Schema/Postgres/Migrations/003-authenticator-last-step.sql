-- Buurtzorg schema 3 for PostgreSQL: the last authenticator time step (Unix seconds / 30) an
-- account accepted, so a code cannot sign in twice. Apart from Identity's columns: it is written
-- by one conditional update, not through the account's concurrency stamp.

ALTER TABLE account ADD COLUMN IF NOT EXISTS authenticator_last_step bigint NULL;
