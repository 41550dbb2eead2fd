using Buurtzorg.Chaos.Http;

namespace Buurtzorg.Chaos.Load;

/// <summary>
/// Asks every host twice a second for the team (a signed-in read: the session is checked against
/// the database, the team grain answers), so recovery is timed on each host even when the load
/// happens not to be sending it anything.
/// </summary>
public static class Prober
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static Task Run(Requests requests, UserSession user, Guid teamId, CancellationToken stop) =>
        Task.WhenAll(requests.Hosts.Select(host => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await requests.Once(user, host, HttpMethod.Get, $"/api/teams/{teamId}", Purpose.Probe, Patience);
                try
                {
                    await Task.Delay(Every, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }, CancellationToken.None)));
}
