-- Buurtzorg schema 4 for SQLite: a care record's retention can end (20 years after its last
-- change, art. 7:454 BW), and its access log goes with it. The log stays append-only for
-- everything else: a line may be deleted only once its client is entered in erased_record,
-- which the retention job does first. The id that stays there names no one once the record is
-- gone, and shows that the erasure was done (AVG art. 5(2)).

CREATE TABLE IF NOT EXISTS erased_record
(
    client_id TEXT NOT NULL PRIMARY KEY,
    erased_at TEXT NOT NULL
);

DROP TRIGGER IF EXISTS access_log_no_delete;

CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
WHEN OLD.client_id IS NULL OR NOT EXISTS (SELECT 1 FROM erased_record WHERE client_id = OLD.client_id)
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only: DELETE refused');
END;
