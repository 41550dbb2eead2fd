-- The extension is matched through grain_state_by_key (see migration 004), then exactly.
-- Keeps the row as a tombstone so the version keeps counting and a stale writer still fails.
UPDATE grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE version = @GrainStateVersion
  AND service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND coalesce(grain_id_ext, '') = coalesce(@GrainIdExtensionString, '')
  AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
RETURNING version
