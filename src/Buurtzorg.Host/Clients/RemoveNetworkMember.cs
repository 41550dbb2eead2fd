using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Privacy;
using Mediator;

namespace Buurtzorg.Host.Clients;

/// <summary>
/// Takes a person out of the client's network. Their name and contact details are erased from
/// the record and its history (the grain does that), their link to the client goes, and their
/// account too when no other client links them (AVG art. 17).
/// </summary>
public sealed record RemoveNetworkMember(Guid ClientId, Guid MemberId) : ICommand<ClientRecord>;

public sealed class RemoveNetworkMemberHandler(IGrainFactory grains, AccountErasure accounts) : ICommandHandler<RemoveNetworkMember, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(RemoveNetworkMember command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<IClientGrain>(command.ClientId).RemoveNetworkMember(command.MemberId);

        // Also when the person is gone already: a try cut off after the grain's part is finished by the next.
        if (result.Error is ClientError.None or ClientError.NetworkMemberNotFound)
        {
            await accounts.EraseMember(command.ClientId, command.MemberId, cancellationToken);
        }

        return result.OrThrow(command.ClientId);
    }
}
