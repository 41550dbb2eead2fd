-- Buurtzorg schema 1 for SQLite: the embedded single-silo store (clustering is localhost there).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS grain_state
(
    service_id   TEXT    NOT NULL,
    state_name   TEXT    NOT NULL,
    grain_id_n0  INTEGER NOT NULL,
    grain_id_n1  INTEGER NOT NULL,
    grain_id_ext TEXT    NULL,
    payload      BLOB    NULL,   -- NULL after a clear: a tombstone that keeps the version
    version      INTEGER NOT NULL,
    modified_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);

-- SQLite treats NULLs in a unique index as distinct; indexing the extension through ifnull
-- with a blob (which never equals any text key) makes "no extension" one value, so two
-- first writes of the same grain cannot both insert.
CREATE UNIQUE INDEX IF NOT EXISTS grain_state_identity
    ON grain_state (service_id, state_name, grain_id_n0, grain_id_n1, ifnull(grain_id_ext, x'00'));
