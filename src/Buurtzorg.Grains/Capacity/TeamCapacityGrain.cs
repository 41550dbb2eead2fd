using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Grains.Capacity;

/// <summary>
/// Collects a team's figures from the grains that own them and passes them on. Reports come
/// in bursts (a care plan edit, a division, a generated region), so they are stored and sent
/// on together, at most <see cref="Settle"/> after the first of a burst: well within the
/// second the rollup promises, at a fraction of the writes. The figures are derived, so a
/// burst lost with a stopping silo is made good by the next report.
/// </summary>
public sealed class TeamCapacityGrain(
    [PersistentState("team-capacity", GrainStorage.Name)] IPersistentState<TeamCapacityState> capacity) : Grain, ITeamCapacityGrain
{
    internal static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private IGrainTimer? _flush;

    private TeamCapacityState State => capacity.State;

    public ValueTask ReportTeam(string name, string region, int nurses, bool divided)
    {
        (State.Name, State.Region, State.Nurses, State.Divided) = (name, region, nurses, divided);
        return Changed();
    }

    public ValueTask ReportSupply(Guid nurseId, decimal hoursPerWeek)
    {
        if (hoursPerWeek > 0)
        {
            State.SupplyByNurse[nurseId] = hoursPerWeek;
        }
        else
        {
            State.SupplyByNurse.Remove(nurseId);
        }

        return Changed();
    }

    public ValueTask ReportDemand(decimal demandHoursPerWeek, decimal openVisitHours, decimal confirmedHoursThisWeek)
    {
        (State.DemandHoursPerWeek, State.OpenVisitHours, State.ConfirmedHoursThisWeek) = (demandHoursPerWeek, openVisitHours, confirmedHoursThisWeek);
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

    private async Task Flush()
    {
        // Disposing the timer cancels the token it hands this callback, so it goes last.
        using var timer = _flush;
        _flush = null;
        await capacity.WriteStateAsync();
        await GrainFactory.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).Report(new TeamCapacityReport(
            this.GetPrimaryKey(),
            State.Name,
            State.Region,
            State.Nurses,
            State.SupplyByNurse.Values.Sum(),
            State.DemandHoursPerWeek,
            State.OpenVisitHours,
            State.Clients.Values.Count(c => !c.Waiting && c.Status == ClientStatus.Active),
            State.Clients.Values.Count(c => c.Waiting),
            State.Divided,
            State.ConfirmedHoursThisWeek));
    }
}
