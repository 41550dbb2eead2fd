using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Clients;

/// <summary>The client's decision of what one person in their network may see.</summary>
public sealed record SetNetworkAccess(Guid ClientId, Guid MemberId, NetworkAccess? Access) : ICommand<ClientRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireDefined("access", Access);
}

public sealed class SetNetworkAccessHandler(IGrainFactory grains) : ICommandHandler<SetNetworkAccess, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(SetNetworkAccess command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IClientGrain>(command.ClientId).SetNetworkAccess(command.MemberId, command.Access!.Value))
            .OrThrow(command.ClientId);
}
