-- The extension is matched through the expression the identity index holds (IS cannot use it):
-- every string-keyed grain has the numeric key (0, 0), so only the extension tells those rows apart.
SELECT payload AS PayloadBinary, version AS Version
FROM grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND ifnull(grain_id_ext, x'00') = ifnull(@GrainIdExtensionString, x'00');
