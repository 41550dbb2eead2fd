using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Rounds;

public sealed record BoardVisit(Visit Visit, VisitDetails Details);

/// <summary>The team board for a day: every visit with who has it, and what still needs a nurse.</summary>
public sealed record TeamBoard(Guid TeamId, DateOnly Date, long Version, IReadOnlyList<TeamMember> Nurses, IReadOnlyList<BoardVisit> Visits);

public sealed record GetTeamBoard(Guid TeamId, DateOnly Date) : IQuery<TeamBoard>;

public sealed class GetTeamBoardHandler(IGrainFactory grains, VisitDetailsReader reader) : IQueryHandler<GetTeamBoard, TeamBoard>
{
    public async ValueTask<TeamBoard> Handle(GetTeamBoard query, CancellationToken cancellationToken)
    {
        var team = await grains.RequireTeam(query.TeamId);

        var day = await grains.GetGrain<ITeamScheduleGrain>(query.TeamId).GetVisits(query.Date, query.Date);
        var visits = day.Visits.Where(v => v.Status != VisitStatus.Cancelled || v.AssignedNurses.Count > 0).ToList();
        var details = await reader.Read(visits);
        return new TeamBoard(team.Id, query.Date, day.Version, team.Nurses, [.. visits.Select(v => new BoardVisit(v, details[v.Id]))]);
    }
}
