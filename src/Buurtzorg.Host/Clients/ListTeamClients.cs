using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Clients;

public sealed record TeamClient(Guid Id, string Name, ClientStatus Status);

/// <summary>The clients of a team by name, for the team's own pages.</summary>
public sealed record ListTeamClients(Guid TeamId) : IQuery<IReadOnlyList<TeamClient>>;

public sealed class ListTeamClientsHandler(IGrainFactory grains) : IQueryHandler<ListTeamClients, IReadOnlyList<TeamClient>>
{
    public async ValueTask<IReadOnlyList<TeamClient>> Handle(ListTeamClients query, CancellationToken cancellationToken)
    {
        var team = await grains.RequireTeam(query.TeamId);

        var records = await Task.WhenAll(team.ClientIds.Select(id => grains.GetGrain<IClientGrain>(id).Get().AsTask()));
        return [.. records.OfType<ClientRecord>().Select(c => new TeamClient(c.Id, c.Details.Name, c.Status)).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }
}
