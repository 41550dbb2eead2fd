-- Buurtzorg schema 4 for PostgreSQL: an index that finds a row by its whole key in one probe.
-- Every string-keyed grain (a team's schedule day, for one) has the numeric key (0, 0), so only
-- the extension tells their rows apart, and the identity constraint cannot serve the NULL-safe
-- match on it: each read and write of such a row scanned all of them. The queries match
-- coalesce(grain_id_ext, '') here, which a prepared statement's generic plan can use, and keep
-- the exact NULL-safe match as a filter (an empty extension and none share an index entry).

CREATE INDEX IF NOT EXISTS grain_state_by_key
    ON grain_state (service_id, state_name, grain_id_n0, grain_id_n1, coalesce(grain_id_ext, ''));
