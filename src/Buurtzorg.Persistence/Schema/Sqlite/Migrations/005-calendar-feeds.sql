-- Buurtzorg schema 4 for SQLite: secret links to calendar feeds. Only a hash of each link's
-- secret is kept (the link itself is shown once, when made); one live link per account and feed,
-- so making a new one replaces the old.

CREATE TABLE IF NOT EXISTS calendar_feed
(
    account_id TEXT NOT NULL REFERENCES account (id),
    kind       TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, subject_id)
);
