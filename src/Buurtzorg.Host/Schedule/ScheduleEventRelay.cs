using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Schedule;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.SignalR;

namespace Buurtzorg.Host.Schedule;

/// <summary>
/// This host's ear in the cluster: it subscribes to the hub registry (renewing the subscription
/// well before it expires) and forwards every change batch to the SignalR groups on this host.
/// A change made through any host thus reaches browsers connected to every host.
/// </summary>
public sealed partial class ScheduleEventRelay(
    IGrainFactory grains,
    IHubContext<ScheduleHub, IScheduleClient> hub,
    HubWatches watches,
    ILogger<ScheduleEventRelay> logger) : BackgroundService, IScheduleEventObserver
{
    private IScheduleEventObserver? _reference;

    public async Task OnTeamChanges(IReadOnlyList<TeamChanged> changes)
    {
        // A team's members changed: rights may have ended, and watches end before anything else is sent.
        await watches.Recheck();
        foreach (var change in changes)
        {
            await hub.Clients.Group(ScheduleGroups.Team(change.TeamId)).TeamChanged(change);
        }
    }

    public async Task OnScheduleChanges(IReadOnlyList<ScheduleChanged> changes)
    {
        foreach (var change in changes)
        {
            // Each watcher hears of what is theirs: the team, each nurse, each client concerned.
            await hub.Clients.Groups([
                ScheduleGroups.Team(change.TeamId),
                .. change.NurseIds.Select(ScheduleGroups.Nurse),
                .. change.ClientIds.Select(ScheduleGroups.Client)]).ScheduleChanged(change);
        }
    }

    public Task OnCapacityChanged(CapacityChanged change) => hub.Clients.Group(ScheduleGroups.Capacity).CapacityChanged(change);

    public Task OnClientAccessChanges(IReadOnlyList<ClientAccessChanged> changes) =>
        watches.AccessChanged(changes.Select(c => c.ClientId).Distinct());

    /// <summary>Subscribes before the host reports started, so no change made after start-up is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<IScheduleEventObserver>(this);
        await Registry.Subscribe(_reference);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var renewal = new PeriodicTimer(ScheduleHubRegistry.Renewal);
        while (await Tick(renewal, stoppingToken))
        {
            try
            {
                if (_reference is { } reference)
                {
                    await Registry.Subscribe(reference);
                }

                // A grant a client revoked through another host reaches this host's watches here.
                await watches.Recheck(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The registry may be moving to another silo; the next renewal tries again.
                LogSubscribeFailed(logger, ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Stop can be called more than once (stop, then dispose); let go of the reference once.
        if (Interlocked.Exchange(ref _reference, null) is not { } reference)
        {
            return;
        }

        try
        {
            await Registry.Unsubscribe(reference);
        }
        catch (Exception ex)
        {
            LogSubscribeFailed(logger, ex);
        }

        grains.DeleteObjectReference<IScheduleEventObserver>(reference);
    }

    private IScheduleHubRegistryGrain Registry => grains.GetGrain<IScheduleHubRegistryGrain>(ScheduleHubRegistry.Key);

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this host's schedule event subscription")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
