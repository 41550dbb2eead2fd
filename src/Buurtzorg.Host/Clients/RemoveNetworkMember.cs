using Buurtzorg.Contracts.Clients;
using Mediator;

namespace Buurtzorg.Host.Clients;

public sealed record RemoveNetworkMember(Guid ClientId, Guid MemberId) : ICommand<ClientRecord>;

public sealed class RemoveNetworkMemberHandler(IGrainFactory grains) : ICommandHandler<RemoveNetworkMember, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(RemoveNetworkMember command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IClientGrain>(command.ClientId).RemoveNetworkMember(command.MemberId)).OrThrow(command.ClientId);
}
