using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Persistence;

/// <summary>
/// Said at every start of a cluster host running on the development switch, so that a switch
/// left on in a real deployment shows in its log.
/// </summary>
internal sealed partial class InsecureClusterWarning(ClusterSettings settings, ILogger<InsecureClusterWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogInsecure(logger, settings.SiloPort, settings.GatewayPort);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "INSECURE CLUSTER: Orleans:Tls:AllowInsecureDevelopmentCluster is set, so silo port {SiloPort} (and gateway port {GatewayPort}, 0 = none) take plain, unauthenticated connections: whoever reaches them reads and changes every client record, past the access gate and the access log. Development only; set Orleans:Tls:CertificatePath instead.")]
    private static partial void LogInsecure(ILogger logger, int siloPort, int gatewayPort);
}
