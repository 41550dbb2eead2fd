using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Rounds;

namespace Buurtzorg.Host.Access;

/// <summary>
/// A team's endpoints answer with several clients' data at once (the board, the clients, the
/// visits). The access gate logs a touch of one client; this filter, on every team endpoint,
/// adds one access-log line for each client whose data the answer holds.
/// </summary>
internal static class RevealedClients
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        if (result is not IValueHttpResult { Value: { } value } || Of(value) is not { Part: var part, Clients.Count: > 0 } revealed)
        {
            return result;
        }

        var context = invocation.HttpContext;
        var endpoint = (RouteEndpoint)context.GetEndpoint()!;
        var rule = endpoint.Metadata.GetRequiredMetadata<AccessRule>();
        var log = context.RequestServices.GetRequiredService<AccessLog>();
        var clientRule = rule.Changes ? AccessRule.ChangeClient(part) : AccessRule.ReadClient(part);
        await log.Write(Caller.From(context.User), [.. revealed.Clients.Select(c => (Guid?)c)], clientRule, AccessGate.Via(context, endpoint), allowed: true, context.RequestAborted);

        return result;
    }

    /// <summary>Which clients an answer shows, and how much of them: names and addresses are their record, visits their agenda.</summary>
    private static (ClientPart Part, IReadOnlyCollection<Guid> Clients)? Of(object value) => value switch
    {
        IReadOnlyList<TeamClient> clients => (ClientPart.Record, Distinct(clients.Select(c => c.Id))),
        ClientRecord client => (ClientPart.Record, [client.Id]),
        TeamBoard board => (ClientPart.Record, Distinct(board.Visits.Select(v => v.Visit.ClientId))),
        RoundView round => (ClientPart.Record, Distinct(round.Stops.Select(s => s.Stop.Visit.ClientId))),
        ScheduleView schedule => (ClientPart.Agenda, Distinct(schedule.Visits.Select(v => v.ClientId))),
        ScheduleDelta delta => (ClientPart.Agenda, Distinct(delta.Visits.Select(v => v.ClientId))),
        RoundResult { Visit: { } visit } => (ClientPart.Agenda, [visit.ClientId]),
        _ => null,
    };

    private static Guid[] Distinct(IEnumerable<Guid> ids) => [.. ids.Distinct()];
}
