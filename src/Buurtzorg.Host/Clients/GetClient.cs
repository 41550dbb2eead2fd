using Buurtzorg.Contracts.Clients;
using Mediator;

namespace Buurtzorg.Host.Clients;

public sealed record GetClient(Guid ClientId) : IQuery<ClientRecord>;

public sealed class GetClientHandler(IGrainFactory grains) : IQueryHandler<GetClient, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(GetClient query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IClientGrain>(query.ClientId).Get() ?? throw ClientOutcome.ClientNotFound(query.ClientId);
}
