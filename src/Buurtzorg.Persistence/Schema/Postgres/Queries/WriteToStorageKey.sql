-- The extension is matched through grain_state_by_key (see migration 004), then exactly.
-- With a version: a guarded update that succeeds only on the version the caller read.
-- Without one (first write): an insert that loses quietly to any existing row, tombstones included.
-- At most one branch returns a row; no row tells the provider the write was stale.
WITH updated AS (
    UPDATE grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND version = @GrainStateVersion
      AND service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND coalesce(grain_id_ext, '') = coalesce(@GrainIdExtensionString, '')
  AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version
), inserted AS (
    INSERT INTO grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT grain_state_identity DO NOTHING
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT version FROM inserted
