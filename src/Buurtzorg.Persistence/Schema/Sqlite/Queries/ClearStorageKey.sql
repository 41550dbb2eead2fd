UPDATE grain_state
SET payload = NULL, version = version + 1, modified_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE version = @GrainStateVersion
  AND service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_ext IS @GrainIdExtensionString;
SELECT @GrainStateVersion + 1 WHERE changes() = 1;
