-- The extension is matched through the expression the identity index holds (IS cannot use it):
-- every string-keyed grain has the numeric key (0, 0), so only the extension tells those rows apart.
-- Single statements that cannot both change a row, each answered through changes() rather than
-- a re-read; no explicit transaction, so a failure can never leave a pooled connection holding
-- the write lock.
UPDATE grain_state
SET payload = @PayloadBinary, version = version + 1, modified_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE @GrainStateVersion IS NOT NULL
  AND version = @GrainStateVersion
  AND service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND ifnull(grain_id_ext, x'00') = ifnull(@GrainIdExtensionString, x'00');
SELECT @GrainStateVersion + 1 AS NewGrainStateVersion WHERE @GrainStateVersion IS NOT NULL AND changes() = 1;

INSERT INTO grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING;
SELECT 1 AS NewGrainStateVersion WHERE @GrainStateVersion IS NULL AND changes() = 1;
