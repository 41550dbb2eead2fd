-- Buurtzorg schema 3 for SQLite: the last authenticator time step an account accepted, so a
-- code cannot sign in twice. Apart from Identity's columns: it is written by one conditional
-- update, not through the account's concurrency stamp.

ALTER TABLE account ADD COLUMN authenticator_last_step INTEGER NULL;
