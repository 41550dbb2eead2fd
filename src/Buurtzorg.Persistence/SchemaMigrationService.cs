using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Persistence;

internal sealed partial class SchemaMigrationService(ClusterSettings settings, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await SchemaMigrator.Apply(settings.Storage, cancellationToken);
        LogSchemaReady(logger, settings.Storage.Kind, version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema ({Kind}) is at version {Version}")]
    private static partial void LogSchemaReady(ILogger logger, StorageKind kind, int version);
}
