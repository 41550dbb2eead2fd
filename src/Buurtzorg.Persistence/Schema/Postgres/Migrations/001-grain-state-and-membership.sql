-- Buurtzorg schema 1 for PostgreSQL (15 or newer: UNIQUE NULLS NOT DISTINCT).
-- Names are unquoted on purpose: Orleans runs its queries unquoted, so they fold to lower case.

-- The query catalogue the Orleans ADO.NET providers load at start-up (key -> SQL text).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Grain state. A row is identified by the natural key below; the provider's hashes are only
-- index hints that change with the hasher, so they are not stored at all.
CREATE TABLE IF NOT EXISTS grain_state
(
    service_id    varchar(150) NOT NULL,
    state_name    varchar(150) NOT NULL,
    grain_id_n0   bigint       NOT NULL,
    grain_id_n1   bigint       NOT NULL,
    grain_id_ext  varchar(512) NULL,
    payload       bytea        NULL,      -- NULL after a clear: a tombstone that keeps the version
    version       integer      NOT NULL,
    modified_at   timestamptz  NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT: two grains without a key extension are the same row, so two
    -- concurrent first writes of one grain cannot both insert.
    CONSTRAINT grain_state_identity
        UNIQUE NULLS NOT DISTINCT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext)
);

-- Cluster membership: one version row per cluster, bumped by every membership change, and one
-- row per silo incarnation.
CREATE TABLE IF NOT EXISTS membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    modified_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS membership
(
    deployment_id   varchar(150) NOT NULL,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);
