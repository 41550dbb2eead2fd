using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Mediator;

namespace Buurtzorg.Host.Calendar;

/// <summary>
/// Serves a feed by its secret link. A calendar app sends no session, so the link stands in for
/// the sign-in: it names the account, and that account is then held to the access policy as if it
/// asked itself, at every read. A nurse who left her team, a relative whose access the client
/// withdrew, a locked or deleted account: the feed is gone, answered exactly like a link that
/// never existed. Every read is logged in each client's NEN 7513 log as the account's, as the
/// pages' reads are (the round as a read of each client's record, like GET round; a client's
/// visits as a read of their agenda, a refused one included).
/// </summary>
public sealed class CalendarFeedReader(
    CalendarFeedStore feeds, AccountStore accounts, IAccessPolicy policy, AccessLog log, IGrainFactory grains, IMediator mediator, TimeProvider clock)
{
    /// <summary>The feed's text, or null when the link opens nothing (now).</summary>
    public async Task<string?> Read(string secret, string via, CancellationToken cancellationToken)
    {
        if (await feeds.Find(secret, cancellationToken) is not { } key
            || await accounts.FindByIdAsync(key.AccountId.ToString("D"), cancellationToken) is not { } account
            || account.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var caller = new Caller(account.Id, account.Role, account.SubjectId);
        return key.Kind switch
        {
            CalendarFeedKind.Round => await Round(caller, key.SubjectId, via, cancellationToken),
            CalendarFeedKind.Client => await Client(caller, key.SubjectId, via, cancellationToken),
            _ => null,
        };
    }

    private async Task<string?> Round(Caller caller, Guid nurseId, string via, CancellationToken cancellationToken)
    {
        if (caller is not { Role: AccountRole.Nurse } || caller.SubjectId != nurseId
            || (await grains.GetGrain<INurseGrain>(nurseId).Get())?.TeamId is not { } team
            || !await policy.Allows(caller, AccessRule.ReadTeam, team, cancellationToken))
        {
            return null;
        }

        var feed = await mediator.Send(new GetRoundCalendar(team, nurseId), cancellationToken);
        await log.Write(caller, [.. feed.Clients.Select(c => (Guid?)c)], AccessRule.ReadClient(ClientPart.Record), via, allowed: true, cancellationToken);
        return feed.Text;
    }

    private async Task<string?> Client(Caller caller, Guid clientId, string via, CancellationToken cancellationToken)
    {
        var rule = AccessRule.ReadClient(ClientPart.Agenda);
        var allowed = CalendarFeedsApi.MayHaveClientFeed(caller.Role) && await policy.Allows(caller, rule, clientId, cancellationToken);
        await log.Write(caller, clientId, rule, via, allowed, cancellationToken);
        if (!allowed)
        {
            return null;
        }

        // Their own tasks of the care plan only while they may read what the circle does: a
        // relative whose access the client lowered to the agenda keeps the visits, not the plan.
        var tasks = AccessRule.ReadClient(ClientPart.CircleTasks);
        var own = await policy.Allows(caller, tasks, clientId, cancellationToken) ? await OwnPart(caller, clientId, cancellationToken) : null;
        var feed = await mediator.Send(new GetClientCalendar(clientId, own), cancellationToken);
        if (feed.WithOwnTasks)
        {
            await log.Write(caller, clientId, tasks, via, allowed: true, cancellationToken);
        }

        return feed.Text;
    }

    private async Task<PlanActor?> OwnPart(Caller caller, Guid clientId, CancellationToken cancellationToken) => caller.Role switch
    {
        AccountRole.Client => new PlanActor(PlanActorKind.Client, clientId),
        AccountRole.Family when await accounts.MemberOf(caller.AccountId, clientId, cancellationToken) is { } member => new PlanActor(PlanActorKind.NetworkMember, member),
        _ => null,
    };
}
