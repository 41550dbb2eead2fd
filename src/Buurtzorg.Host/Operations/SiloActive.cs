using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buurtzorg.Host.Operations;

/// <summary>
/// Ready only while this host's silo is an active member of the cluster: before it has joined
/// and once it is leaving or declared dead, grain calls from here fail or wait.
/// </summary>
public sealed class SiloActive(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        var active = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo active, {active} active in the cluster")
            : HealthCheckResult.Unhealthy($"silo is {status}"));
    }
}
