-- The extension is matched through grain_state_by_key (see migration 004), then exactly.
SELECT payload AS PayloadBinary, version AS Version
FROM grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND coalesce(grain_id_ext, '') = coalesce(@GrainIdExtensionString, '')
  AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
