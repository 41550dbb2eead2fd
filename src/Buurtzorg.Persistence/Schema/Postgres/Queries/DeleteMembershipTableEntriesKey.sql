DELETE FROM membership WHERE deployment_id = @DeploymentId;
DELETE FROM membership_version WHERE deployment_id = @DeploymentId;
