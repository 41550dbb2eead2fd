-- Buurtzorg schema 5 for PostgreSQL: a care record's retention can end (20 years after its last
-- change, art. 7:454 BW), and its access log goes with it. The log stays append-only for
-- everything else: a line may be deleted only once its client is entered in erased_record,
-- which the retention job does first. The id that stays there names no one once the record is
-- gone, and shows that the erasure was done (AVG art. 5(2)).

CREATE TABLE IF NOT EXISTS erased_record
(
    client_id text        NOT NULL PRIMARY KEY,
    erased_at timestamptz NOT NULL
);

CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.client_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM erased_record WHERE client_id = OLD.client_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP;
END;
$$;
