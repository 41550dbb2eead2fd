using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Watchers;

/// <summary>What the client page reads and the hub's WatchClient returns (the fields the harness compares).</summary>
public sealed record ClientVisits(Guid ClientId, long Version, IReadOnlyList<ClientVisit> Visits)
{
    /// <summary>Who comes when, as the client sees it; the version is left out, as it moves with every change in the team.</summary>
    public string Shown => string.Join('\n', Visits.OrderBy(v => v.VisitId).Select(v => $"{v.VisitId} {v.Status} {string.Join('+', v.NurseFirstNames.Order(StringComparer.Ordinal))}"));
}

public sealed record ClientVisit(Guid VisitId, VisitStatus Status, IReadOnlyList<string> NurseFirstNames);
