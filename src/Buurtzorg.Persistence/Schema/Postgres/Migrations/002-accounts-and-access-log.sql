-- Buurtzorg schema 2 for PostgreSQL: sign-in accounts and the NEN 7513 access log.

CREATE TABLE IF NOT EXISTS account
(
    id                   text        NOT NULL PRIMARY KEY,
    user_name            text        NOT NULL,
    normalized_user_name text        NOT NULL UNIQUE,
    role                 text        NOT NULL,
    subject_id           text        NULL,      -- the nurse or client the account is; none for family and central staff
    display_name         text        NOT NULL,
    password_hash        text        NULL,
    security_stamp       text        NULL,
    concurrency_stamp    text        NULL,
    lockout_end          timestamptz NULL,
    lockout_enabled      boolean     NOT NULL,
    access_failed_count  integer     NOT NULL,
    two_factor_enabled   boolean     NOT NULL,
    authenticator_key    text        NULL,
    recovery_codes       text        NULL
);

-- A person in a client's network with an account: which entry of that client's network they are.
-- What they may see is the access the client set on that entry, read at every request.
CREATE TABLE IF NOT EXISTS account_link
(
    account_id text NOT NULL REFERENCES account (id),
    client_id  text NOT NULL,
    member_id  text NOT NULL,
    PRIMARY KEY (account_id, client_id)
);

CREATE TABLE IF NOT EXISTS access_log
(
    id         bigserial   PRIMARY KEY,
    at_utc     timestamptz NOT NULL,
    account_id text        NULL,     -- NULL: not signed in
    role       text        NOT NULL,
    client_id  text        NULL,     -- NULL: no client's data (a refused call names the id asked for)
    action     text        NOT NULL, -- read or change
    what       text        NOT NULL,
    via        text        NOT NULL, -- the endpoint or hub method
    allowed    boolean     NOT NULL
);

CREATE INDEX IF NOT EXISTS access_log_by_client ON access_log (client_id, at_utc);

-- Append-only for everyone who uses the application's tables: a trigger refuses any change or
-- removal (it binds the table's owner too, unlike a revoked grant).
CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP;
END;
$$;

DROP TRIGGER IF EXISTS access_log_no_change ON access_log;
CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();

DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log;
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC;

-- The keys that protect session cookies, shared by every host so a session works on any of them.
CREATE TABLE IF NOT EXISTS data_protection_key
(
    name text NOT NULL PRIMARY KEY,
    xml  text NOT NULL
);
