namespace Buurtzorg.Host.Schedule;

/// <summary>
/// Rechecks every watch on this host now and then. Changes of team membership and client access
/// recheck the watches they affect at once through the relay; this catches the one a host missed
/// (it joined a moment after the change, or the one-way message was lost with a dying silo). Each
/// round asks the policy about every watch (grain calls), so it runs seldom: at 10,000 watches
/// every 30 s is about 330 checks a second.
/// </summary>
public sealed partial class HubWatchReview(HubWatches watches, ILogger<HubWatchReview> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await watches.Recheck(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRecheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not recheck the watches on this host; the next round tries again")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);
}
