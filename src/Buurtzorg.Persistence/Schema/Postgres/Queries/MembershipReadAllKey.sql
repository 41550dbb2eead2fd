-- The outer join returns the version row even when the cluster has no members yet.
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
FROM membership_version v
LEFT JOIN membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
