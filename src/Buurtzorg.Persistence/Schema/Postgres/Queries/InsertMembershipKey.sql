-- The version row is locked by the update, so concurrent membership changes serialise on it;
-- the member is inserted only if the table version is still the one the silo read.
WITH bumped AS (
    UPDATE membership_version
    SET version = version + 1, modified_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM membership WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO membership (deployment_id, address, port, generation, silo_name, host_name, status,
                            proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*)::integer FROM inserted
