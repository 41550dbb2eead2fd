using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Clients;

public sealed record UpdateNetworkMember(Guid ClientId, Guid MemberId, NetworkMemberInput Member) : ICommand<ClientRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => Member.Validate(errors);
}

public sealed class UpdateNetworkMemberHandler(IGrainFactory grains) : ICommandHandler<UpdateNetworkMember, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(UpdateNetworkMember command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IClientGrain>(command.ClientId).UpdateNetworkMember(command.MemberId, command.Member.ToDetails()))
            .OrThrow(command.ClientId);
}
