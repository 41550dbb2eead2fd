-- Buurtzorg schema 5 for PostgreSQL: secret links to calendar feeds. Only a hash of each link's
-- secret is kept (the link itself is shown once, when made); one live link per account and feed,
-- so making a new one replaces the old.

CREATE TABLE IF NOT EXISTS calendar_feed
(
    account_id text        NOT NULL REFERENCES account (id),
    kind       text        NOT NULL, -- Round (the nurse's own round) or Client (a client's visits)
    subject_id text        NOT NULL, -- the nurse or the client
    token_hash text        NOT NULL UNIQUE, -- SHA-256 of the link's secret, hex
    created_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, kind, subject_id)
);
