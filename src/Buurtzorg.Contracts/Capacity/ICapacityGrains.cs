using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Contracts.Capacity;

/// <summary>
/// One team's capacity, fed by the grains that know each part (team, nurses, clients,
/// schedule) as they change; it passes the team's figures on to the national rollup.
/// </summary>
[Alias("Buurtzorg.Capacity.ITeamCapacityGrain")]
public interface ITeamCapacityGrain : IGrainWithGuidKey
{
    [Alias("ReportTeam")]
    ValueTask ReportTeam(string name, string region, int nurses, bool divided);

    /// <summary>
    /// A nurse's contract hours, rota and qualifications in this team; null when she left it.
    /// Supply is her contract: availability only says when she works, not how much.
    /// </summary>
    /// <remarks>A new alias: the release before reported availability hours as supply.</remarks>
    [Alias("ReportNurseSupply")]
    ValueTask ReportSupply(Guid nurseId, NurseSupply? supply);

    /// <summary>
    /// What the schedule asks, what nurses confirmed as done this week (Monday to today), the
    /// week's visit hours (<see cref="TeamCapacity.VisitHoursThisWeek"/>), with the visits of the
    /// horizon (<see cref="Visits.ScheduleHorizon.Days"/> days from today) as counted needs; null
    /// when those did not change since the last report.
    /// </summary>
    /// <remarks>A new alias: the release before reported without the week's visit hours.</remarks>
    [Alias("ReportDemandNeedsAndVisitHours")]
    ValueTask ReportDemand(decimal demandHoursPerWeek, decimal openVisitHours, decimal confirmedHoursThisWeek, decimal visitHoursThisWeek, IReadOnlyList<VisitNeed>? horizon);

    /// <summary>The team's figures as last passed on, with exact client counts: for the team's own nurses.</summary>
    [Alias("GetReport")]
    ValueTask<TeamCapacityReport> GetReport();

    /// <summary>A client's state in this team; <paramref name="inTeam"/> false when they left it.</summary>
    [Alias("ReportClient")]
    ValueTask ReportClient(Guid clientId, ClientStatus status, bool waiting, bool inTeam);
}

/// <summary>The national picture (key "nl"): every team's figures, by region and in total.</summary>
[Alias("Buurtzorg.Capacity.ICapacityRollupGrain")]
public interface ICapacityRollupGrain : IGrainWithStringKey
{
    [Alias("Report")]
    ValueTask Report(TeamCapacityReport team);

    [Alias("GetOverview")]
    ValueTask<CapacityOverview> GetOverview();
}

public static class CapacityRollup
{
    public const string Nation = "nl";
}

/// <summary>The national figures changed; watchers read the overview again (it holds no personal data).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.CapacityChanged")]
public sealed record CapacityChanged([property: Id(0)] long Version);

/// <summary>
/// A team's figures as reported to the rollup, with exact client counts so regions can be
/// summed; only the rollup sees these, and it withholds small counts in what it answers.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.TeamCapacityReport")]
public sealed record TeamCapacityReport(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] string TeamName,
    [property: Id(2)] string Region,
    [property: Id(3)] int Nurses,
    [property: Id(4)] decimal SupplyHoursPerWeek,
    [property: Id(5)] decimal DemandHoursPerWeek,
    [property: Id(6)] decimal OpenVisitHours,
    [property: Id(7)] int ActiveClients,
    [property: Id(8)] int WaitingClients,
    [property: Id(9)] bool Divided,
    [property: Id(10)] decimal ConfirmedHoursThisWeek = 0,
    [property: Id(11)] IReadOnlyList<PartOfDayCoverage>? Coverage = null,
    [property: Id(12)] decimal VisitHoursThisWeek = 0);
