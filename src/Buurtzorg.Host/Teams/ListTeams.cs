using Buurtzorg.Contracts.Teams;
using Mediator;

namespace Buurtzorg.Host.Teams;

public sealed record ListTeams : IQuery<IReadOnlyList<TeamListing>>;

public sealed class ListTeamsHandler(IGrainFactory grains) : IQueryHandler<ListTeams, IReadOnlyList<TeamListing>>
{
    public ValueTask<IReadOnlyList<TeamListing>> Handle(ListTeams query, CancellationToken cancellationToken) =>
        grains.GetGrain<ITeamDirectoryGrain>(0).List();
}
