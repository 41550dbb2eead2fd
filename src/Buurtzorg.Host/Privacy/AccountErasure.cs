using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Accounts;

namespace Buurtzorg.Host.Privacy;

/// <summary>
/// Erases accounts and their links to clients (AVG art. 17). A deleted account's sessions end at
/// their next request: the security stamp check finds no account. What the care record keeps of
/// who did what (the access log, the care plan's history) keeps the account's or nurse's id only,
/// which names no one once the account is gone.
/// </summary>
public sealed class AccountErasure(AccountStore store, IGrainFactory grains)
{
    /// <summary>A person left the client's network: their link goes, and their account with it if no other client links them.</summary>
    public Task EraseMember(Guid clientId, Guid memberId, CancellationToken cancellationToken = default) =>
        store.UnlinkMember(clientId, memberId, cancellationToken);

    /// <summary>The client's record is erased: their own account and every link to them go, and family accounts left with no client.</summary>
    public async Task EraseClient(Guid clientId, CancellationToken cancellationToken = default)
    {
        await store.UnlinkClient(clientId, cancellationToken);
        if (await store.FindClientAccount(clientId, cancellationToken) is { } own)
        {
            await store.DeleteAsync(own, cancellationToken);
        }
    }

    /// <summary>
    /// The account holder asked for their account to go. A relative also leaves the network of
    /// every client who linked them, and their name and contact details leave those records with
    /// them. A client's care record stays: the team must keep it for the legal period (art. 7:454
    /// BW), and destroying it earlier on request (art. 7:455 BW) is a decision the team takes with
    /// the client, not a button.
    /// </summary>
    public async Task EraseOwn(Account account, CancellationToken cancellationToken = default)
    {
        if (account.Role == AccountRole.Family)
        {
            foreach (var (clientId, memberId) in await store.Links(account.Id, cancellationToken))
            {
                // Already out of the network is as good: the erasure is what was asked.
                var removed = await grains.GetGrain<IClientGrain>(clientId).RemoveNetworkMember(memberId);
                if (removed.Error is not (ClientError.None or ClientError.NetworkMemberNotFound or ClientError.NotFound))
                {
                    throw new InvalidOperationException($"Could not take account {account.Id} out of client {clientId}'s network: {removed.Error}.");
                }
            }
        }

        await store.DeleteAsync(account, cancellationToken);
    }
}
