-- Buurtzorg schema 2 for SQLite: sign-in accounts and the NEN 7513 access log.

CREATE TABLE IF NOT EXISTS account
(
    id                   TEXT    NOT NULL PRIMARY KEY,
    user_name            TEXT    NOT NULL,
    normalized_user_name TEXT    NOT NULL UNIQUE,
    role                 TEXT    NOT NULL,
    subject_id           TEXT    NULL,
    display_name         TEXT    NOT NULL,
    password_hash        TEXT    NULL,
    security_stamp       TEXT    NULL,
    concurrency_stamp    TEXT    NULL,
    lockout_end          TEXT    NULL,
    lockout_enabled      INTEGER NOT NULL,
    access_failed_count  INTEGER NOT NULL,
    two_factor_enabled   INTEGER NOT NULL,
    authenticator_key    TEXT    NULL,
    recovery_codes       TEXT    NULL
);

CREATE TABLE IF NOT EXISTS account_link
(
    account_id TEXT NOT NULL REFERENCES account (id),
    client_id  TEXT NOT NULL,
    member_id  TEXT NOT NULL,
    PRIMARY KEY (account_id, client_id)
);

CREATE TABLE IF NOT EXISTS access_log
(
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc     TEXT    NOT NULL,
    account_id TEXT    NULL,
    role       TEXT    NOT NULL,
    client_id  TEXT    NULL,
    action     TEXT    NOT NULL,
    what       TEXT    NOT NULL,
    via        TEXT    NOT NULL,
    allowed    INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS access_log_by_client ON access_log (client_id, at_utc);

-- Append-only: SQLite has no grants, so triggers refuse any change or removal.
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only: UPDATE refused');
END;

CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only: DELETE refused');
END;

CREATE TABLE IF NOT EXISTS data_protection_key
(
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
