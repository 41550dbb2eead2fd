using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Clients;
using Mediator;

namespace Buurtzorg.Host.Notes;

/// <summary>A client's visit notes, newest visit first.</summary>
public sealed record ClientNotes(Guid ClientId, IReadOnlyList<VisitNote> Notes);

public sealed record GetVisitNotes(Guid ClientId) : IQuery<ClientNotes>;

public sealed class GetVisitNotesHandler(IGrainFactory grains) : IQueryHandler<GetVisitNotes, ClientNotes>
{
    public async ValueTask<ClientNotes> Handle(GetVisitNotes query, CancellationToken cancellationToken)
    {
        _ = await grains.GetGrain<IClientGrain>(query.ClientId).Get() ?? throw ClientOutcome.ClientNotFound(query.ClientId);
        return new ClientNotes(query.ClientId, await grains.GetGrain<IClientNotesGrain>(query.ClientId).GetNotes());
    }
}
