WITH inserted AS (
    INSERT INTO membership_version (deployment_id, version) VALUES (@DeploymentId, 0)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM inserted
