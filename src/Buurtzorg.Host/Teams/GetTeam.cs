using Buurtzorg.Contracts.Teams;
using Mediator;

namespace Buurtzorg.Host.Teams;

public sealed record GetTeam(Guid TeamId) : IQuery<TeamSnapshot>;

public sealed class GetTeamHandler(IGrainFactory grains) : IQueryHandler<GetTeam, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(GetTeam query, CancellationToken cancellationToken) =>
        await grains.RequireTeam(query.TeamId);
}
