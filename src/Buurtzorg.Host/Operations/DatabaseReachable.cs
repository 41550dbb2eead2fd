using Buurtzorg.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buurtzorg.Host.Operations;

/// <summary>Ready only while the grain store answers: without it every request that touches state fails.</summary>
public sealed class DatabaseReachable(ClusterSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = SchemaMigrator.Open(settings.Storage);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{settings.Storage.Kind} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{settings.Storage.Kind} does not answer", e);
        }
    }
}
