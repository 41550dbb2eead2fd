using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Capacity;

/// <summary>
/// What a team sees of itself (as Buurtzorgweb gives a team): its hours, productivity, caseload and
/// continuity. For the team's own nurses only; it names no client and no nurse, so it reveals no
/// client's data and needs no access-log lines.
/// </summary>
public sealed record GetTeamMonitor(Guid TeamId) : IQuery<TeamMonitor>;

/// <summary>
/// <see cref="RosteredHoursPerWeek"/>: the nurses' rota, each nurse's scaled to her contract;
/// <see cref="VisitHoursThisWeek"/>: direct client hours (see <see cref="TeamCapacity"/>).
/// </summary>
public sealed record TeamMonitor(
    Guid TeamId,
    string TeamName,
    int Nurses,
    decimal ContractHoursPerWeek,
    decimal RosteredHoursPerWeek,
    decimal DemandHoursPerWeek,
    decimal VisitHoursThisWeek,
    decimal ConfirmedHoursThisWeek,
    int? ProductivityPercent,
    int ActiveClients,
    int WaitingClients,
    int VisitsThisWeek,
    Continuity LastFourWeeks,
    Continuity ComingTwoWeeks);

/// <summary>How many clients saw how many different nurses, in bands, and the average over the clients seen.</summary>
public sealed record Continuity(int Clients, decimal? AverageNurses, IReadOnlyList<ContinuityBand> Bands);

/// <summary>Clients who saw from <see cref="From"/> to <see cref="To"/> different nurses (no upper bound: null).</summary>
public sealed record ContinuityBand(int From, int? To, int Clients);

public sealed class GetTeamMonitorHandler(IGrainFactory grains) : IQueryHandler<GetTeamMonitor, TeamMonitor>
{
    private static readonly (int From, int? To)[] Bands = [(1, 2), (3, 4), (5, 6), (7, null)];

    public async ValueTask<TeamMonitor> Handle(GetTeamMonitor query, CancellationToken cancellationToken)
    {
        var team = await grains.RequireTeam(query.TeamId);
        var figures = await grains.GetGrain<ITeamCapacityGrain>(query.TeamId).GetReport();
        var continuity = await grains.GetGrain<ITeamScheduleGrain>(query.TeamId).GetContinuity();
        return new TeamMonitor(
            team.Id,
            team.Name,
            team.Nurses.Count,
            figures.SupplyHoursPerWeek,
            figures.Coverage?.Sum(c => c.RosteredHoursPerWeek) ?? 0,
            figures.DemandHoursPerWeek,
            figures.VisitHoursThisWeek,
            figures.ConfirmedHoursThisWeek,
            Productivity.Percent(figures.VisitHoursThisWeek, figures.SupplyHoursPerWeek),
            figures.ActiveClients,
            figures.WaitingClients,
            continuity.VisitsThisWeek,
            Of(continuity.NursesPerClientLastFourWeeks),
            Of(continuity.NursesPerClientComingTwoWeeks));
    }

    private static Continuity Of(IReadOnlyList<int> nursesPerClient) => new(
        nursesPerClient.Count,
        nursesPerClient.Count == 0 ? null : Math.Round((decimal)nursesPerClient.Average(), 1),
        [.. Bands.Select(b => new ContinuityBand(b.From, b.To, nursesPerClient.Count(n => n >= b.From && (b.To is not { } to || n <= to))))]);
}
