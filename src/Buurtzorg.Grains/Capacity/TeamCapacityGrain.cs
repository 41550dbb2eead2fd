using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Capacity;

/// <summary>
/// Collects a team's figures from the grains that own them and passes them on. Reports come
/// in bursts (a care plan edit, a division, a generated region), so they are stored and sent
/// on together, at most <see cref="Settle"/> after the first of a burst: well within the
/// second the rollup promises, at a fraction of the writes. A silo that stops in order flushes
/// the burst as it deactivates; one that crashes loses it, and since the figures are derived,
/// the next report makes it good.
/// </summary>
public sealed class TeamCapacityGrain(
    [PersistentState("team-capacity", GrainStorage.Name)] IPersistentState<TeamCapacityState> capacity,
    TimeProvider clock,
    ILogger<TeamCapacityGrain> logger) : Grain, ITeamCapacityGrain
{
    internal static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private IGrainTimer? _flush;
    private FollowUps? _followUps;

    private TeamCapacityState State => capacity.State;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    public ValueTask ReportTeam(string name, string region, int nurses, bool divided)
    {
        (State.Name, State.Region, State.Nurses, State.Divided) = (name, region, nurses, divided);
        return Changed();
    }

    /// <summary>
    /// A team stored before supply was contract hours knows its nurses only by their available
    /// hours: it asks them once for their contract and rota, so old figures do not linger.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.SupplyByNurse.Count == 0)
        {
            return;
        }

        foreach (var nurseId in State.SupplyByNurse.Keys)
        {
            // Get interleaves, so a nurse whose report activated this grain still answers.
            if (await GrainFactory.GetGrain<INurseGrain>(nurseId).Get() is { TeamId: { } team, Profile: var profile } && team == this.GetPrimaryKey())
            {
                State.Supply.TryAdd(nurseId, new NurseSupply(profile.ContractHoursPerWeek, profile.WeeklyAvailability, profile.Qualifications));
            }
        }

        State.SupplyByNurse.Clear();
        State.Schema = 2;
        await Changed();
    }

    public ValueTask ReportSupply(Guid nurseId, NurseSupply? supply)
    {
        if (supply is not null)
        {
            State.Supply[nurseId] = supply;
        }
        else
        {
            State.Supply.Remove(nurseId);
        }

        return Changed();
    }

    public ValueTask ReportDemand(decimal demandHoursPerWeek, decimal openVisitHours, decimal confirmedHoursThisWeek, decimal visitHoursThisWeek, IReadOnlyList<VisitNeed>? horizon)
    {
        (State.DemandHoursPerWeek, State.OpenVisitHours, State.ConfirmedHoursThisWeek, State.VisitHoursThisWeek) = (demandHoursPerWeek, openVisitHours, confirmedHoursThisWeek, visitHoursThisWeek);
        if (horizon is not null)
        {
            State.Needs = [.. horizon];
        }

        return Changed();
    }

    public ValueTask ReportClient(Guid clientId, ClientStatus status, bool waiting, bool inTeam)
    {
        if (inTeam && status != ClientStatus.Discharged)
        {
            State.Clients[clientId] = new ClientCapacityState { Status = status, Waiting = waiting };
        }
        else
        {
            State.Clients.Remove(clientId);
        }

        return Changed();
    }

    private ValueTask Changed()
    {
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions { DueTime = Settle, Period = Timeout.InfiniteTimeSpan });
        return ValueTask.CompletedTask;
    }

    /// <summary>A silo shutting down deactivates its grains: a burst still settling is passed on and stored now.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _flush is null ? Task.CompletedTask : Flush();

    private async Task Flush()
    {
        // Disposing the timer cancels the token it hands this callback, so it goes last.
        using var timer = _flush;
        _flush = null;

        // The rollup hears the figures even if storing them fails (the next flush stores them),
        // and hears them again later if it cannot be reached now.
        await FollowUps.Refresh("rollup", ReportToRollup);
        await FollowUps.Refresh("history", RecordWeek);
        await capacity.WriteStateAsync();
    }

    public ValueTask<TeamCapacityReport> GetReport() => ValueTask.FromResult(Report());

    private Task ReportToRollup() => GrainFactory.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).Report(Report()).AsTask();

    /// <summary>This week's figures as they now stand; a divided team's history ends with its last week.</summary>
    private Task RecordWeek() => State.Divided || State.Name.Length == 0
        ? Task.CompletedTask
        : GrainFactory.GetGrain<ICapacityHistoryGrain>(this.GetPrimaryKey()).Record(new WeekFigures(
            CapacityHistory.WeekOf(DutchCalendar.Today(clock)),
            State.Nurses,
            State.Supply.Values.Sum(n => n.ContractHoursPerWeek),
            State.DemandHoursPerWeek,
            State.VisitHoursThisWeek)).AsTask();

    private TeamCapacityReport Report() => new(
            this.GetPrimaryKey(),
            State.Name,
            State.Region,
            State.Nurses,
            State.Supply.Values.Sum(n => n.ContractHoursPerWeek),
            State.DemandHoursPerWeek,
            State.OpenVisitHours,
            State.Clients.Values.Count(c => !c.Waiting && c.Status == ClientStatus.Active),
            State.Clients.Values.Count(c => c.Waiting),
            State.Divided,
            State.ConfirmedHoursThisWeek,
            TeamCoverage.Of(State.Supply.Values, State.Needs),
            State.VisitHoursThisWeek);
}
