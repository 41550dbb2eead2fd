using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Places;

/// <summary>The team's own open places, oldest first.</summary>
public sealed record ListTeamOpenPlaces(Guid TeamId) : IQuery<IReadOnlyList<TeamOpenPlace>>;

public sealed class ListTeamOpenPlacesHandler(IGrainFactory grains) : IQueryHandler<ListTeamOpenPlaces, IReadOnlyList<TeamOpenPlace>>
{
    public async ValueTask<IReadOnlyList<TeamOpenPlace>> Handle(ListTeamOpenPlaces query, CancellationToken cancellationToken) =>
        TeamOpenPlace.Of(await grains.RequireTeam(query.TeamId));
}
