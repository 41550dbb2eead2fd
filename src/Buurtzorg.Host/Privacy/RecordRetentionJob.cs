using Buurtzorg.Grains.Privacy;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Privacy;

/// <summary>
/// Runs <see cref="RecordRetention"/> at start and then every <see cref="RetentionOptions.Interval"/>
/// on each host. No silo is singled out: a run is idempotent, and the lists it reads are grains
/// with one activation in the cluster, so hosts running at once only repeat each other's checks.
/// </summary>
public sealed partial class RecordRetentionJob(IServiceProvider services, RetentionClock clock, IOptions<RetentionOptions> options, ILogger<RecordRetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock.Time);
        do
        {
            try
            {
                await services.GetRequiredService<RecordRetention>().Run(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next run takes up what this one left.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention job failed; it runs again at its next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
