namespace Buurtzorg.Host.Access;

/// <summary>
/// The client's access log as a person reads it: a day at a time, newest first, each other person
/// once per day with what they looked at and how often; the client's own looks counted apart
/// (they are not the news). A person seen for the first time stands out. The log itself keeps
/// every line; this is only how it is shown.
/// </summary>
public sealed record AccessLogDays(IReadOnlyList<AccessLogDay> Days, DateOnly? Earlier);

public sealed record AccessLogDay(DateOnly Date, IReadOnlyList<AccessLogPerson> Others, int OwnLooks);

/// <summary>
/// One person's touches of the client's data on one day: what, how often, how many refused, and
/// whether it was their first (no line of this person about this client before this day).
/// </summary>
public sealed record AccessLogPerson(
    Guid? AccountId, string? Name, string Role, IReadOnlyList<string> What, int Times, int Refused, DateTimeOffset Last, bool FirstTime);

public static class AccessLogGrouping
{
    public static AccessLogDay Day(DateOnly date, IEnumerable<AccessLogEntry> lines, Guid clientAccount, IReadOnlyDictionary<Guid, DateTimeOffset> firstSeen, DateTimeOffset dayStart)
    {
        var all = lines.ToList();
        var others = all
            .Where(l => l.AccountId != clientAccount)
            .GroupBy(l => (l.AccountId, l.Role))
            .Select(g => new AccessLogPerson(
                g.Key.AccountId,
                g.First().Name,
                g.Key.Role,
                [.. g.Select(l => l.What).Distinct().Order(StringComparer.Ordinal)],
                g.Count(),
                g.Count(l => !l.Allowed),
                g.Max(l => l.At),
                g.Key.AccountId is not { } id || !firstSeen.TryGetValue(id, out var first) || first >= dayStart))
            // Refusals and newcomers first: they are what a client should not miss.
            .OrderByDescending(p => p.Refused > 0).ThenByDescending(p => p.FirstTime).ThenByDescending(p => p.Last)
            .ToList();
        return new AccessLogDay(date, others, all.Count(l => l.AccountId == clientAccount));
    }
}
