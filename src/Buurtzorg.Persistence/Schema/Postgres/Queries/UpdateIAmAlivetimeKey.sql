-- A heartbeat: never touches the table version, so it cannot make a membership change stale.
UPDATE membership SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
