using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Clients;

public sealed record AddNetworkMember(Guid ClientId, NetworkMemberInput Member) : ICommand<ClientRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => Member.Validate(errors);
}

public sealed class AddNetworkMemberHandler(IGrainFactory grains) : ICommandHandler<AddNetworkMember, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(AddNetworkMember command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IClientGrain>(command.ClientId).AddNetworkMember(Guid.NewGuid(), command.Member.ToDetails()))
            .OrThrow(command.ClientId);
}
