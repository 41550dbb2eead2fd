using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Accounts;

namespace Buurtzorg.Host.Access;

/// <summary>Decides whether a caller may do what a rule names to one team, nurse or client.</summary>
public interface IAccessPolicy
{
    ValueTask<bool> Allows(Caller caller, AccessRule rule, Guid? resource, CancellationToken cancellationToken = default);
}

/// <summary>
/// The one place where relationships become rights, read live at every call (a nurse who moves
/// team, or whose team divides, has her new rights at the next call): a nurse reaches her own
/// team, its nurses and its clients; a client their own record; a family member only the
/// clients who linked them, at the tier the client set; central staff the aggregates only.
/// </summary>
public sealed class AccessPolicy(IGrainFactory grains, AccountStore accounts) : IAccessPolicy
{
    public async ValueTask<bool> Allows(Caller caller, AccessRule rule, Guid? resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Scope switch
        {
            Scope.Public or Scope.Self => true,
            Scope.AnyNurse => caller.Role == AccountRole.Nurse,
            Scope.TeamListing or Scope.Capacity => !rule.Changes && caller.Role is AccountRole.Nurse or AccountRole.Central,
            Scope.Team => resource is { } team && await TeamOf(caller) == team,
            Scope.Nurse => resource is { } nurse && await MayReachNurse(caller, nurse),
            Scope.OwnNurse => caller.Role == AccountRole.Nurse && resource is { } self && caller.SubjectId == self,
            Scope.Client => resource is { } client && await MayReachClient(caller, client, rule, cancellationToken),
            Scope.Operations => caller.Role == AccountRole.Operations,
            _ => false,
        };
    }

    private async ValueTask<bool> MayReachNurse(Caller caller, Guid nurseId)
    {
        if (caller.Role != AccountRole.Nurse)
        {
            return false;
        }

        if (caller.SubjectId == nurseId)
        {
            return true;
        }

        var team = await TeamOf(caller);
        var other = await grains.GetGrain<INurseGrain>(nurseId).Get();
        return team is not null && other?.TeamId == team;
    }

    private async ValueTask<bool> MayReachClient(Caller caller, Guid clientId, AccessRule rule, CancellationToken cancellationToken)
    {
        switch (caller.Role)
        {
            case AccountRole.Nurse:
                // The client's record is the team's; the access log is the client's own. What the
                // circle proposes is the circle's to propose: the team answers it.
                if (rule.Part == ClientPart.AccessLog || (rule.Part == ClientPart.CircleTasks && rule.Changes))
                {
                    return false;
                }

                var team = await TeamOf(caller);
                var client = await grains.GetGrain<IClientGrain>(clientId).Get();
                return team is not null && client?.Details.TeamId == team;

            case AccountRole.Client:
                // Clients read everything of theirs and decide who may see it; the care itself is
                // written by nurses, after what the client proposes to do themselves.
                return caller.SubjectId == clientId && (!rule.Changes || rule.Part is ClientPart.NetworkAccess or ClientPart.CircleTasks);

            case AccountRole.Family:
                var needs = rule.Part switch
                {
                    ClientPart.Agenda => NetworkAccess.Agenda,
                    ClientPart.CarePlan or ClientPart.Notes or ClientPart.CircleTasks => NetworkAccess.CarePlan,
                    _ => (NetworkAccess?)null,
                };

                // A relative who may read the care plan proposes what she will do herself; nothing else is hers to change.
                if ((rule.Changes && rule.Part != ClientPart.CircleTasks) || needs is null || await accounts.MemberOf(caller.AccountId, clientId, cancellationToken) is not { } member)
                {
                    return false;
                }

                var record = await grains.GetGrain<IClientGrain>(clientId).Get();
                return record?.Network.FirstOrDefault(m => m.Id == member)?.Access >= needs;

            default:
                return false;
        }
    }

    private async ValueTask<Guid?> TeamOf(Caller caller) =>
        caller is { Role: AccountRole.Nurse, SubjectId: { } nurse } ? (await grains.GetGrain<INurseGrain>(nurse).Get())?.TeamId : null;
}
