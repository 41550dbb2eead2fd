namespace Buurtzorg.Contracts.Capacity;

/// <summary>
/// What central staff see of one team: hours and counts only, no person. Supply is the nurses'
/// contract hours; coverage per part of the day compares what the visits ask with the rota. Client counts under
/// <see cref="CapacityPrivacy.MinimumCount"/> are withheld (null) so a small team cannot point
/// at a person; so is whatever else would give a withheld count back by subtraction (a region's
/// total, and if need be the nation's), see the rollup grain. <c>VisitHoursThisWeek</c> are the
/// direct client hours of this week (Monday to Sunday): the reported length of visits confirmed as
/// done, the planned length of the visits not yet confirmed (today's and later ones, and earlier
/// ones nobody reported yet); visits reported as not done and cancelled ones count nothing; both
/// nurses of a double visit count.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.TeamCapacity")]
public sealed record TeamCapacity(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] string TeamName,
    [property: Id(2)] string Region,
    [property: Id(3)] int Nurses,
    [property: Id(4)] decimal SupplyHoursPerWeek,
    [property: Id(5)] decimal DemandHoursPerWeek,
    [property: Id(6)] decimal OpenVisitHours,
    [property: Id(7)] int? ActiveClients,
    [property: Id(8)] int? WaitingClients,
    [property: Id(9)] bool Divided,
    [property: Id(10)] decimal ConfirmedHoursThisWeek,
    [property: Id(11)] IReadOnlyList<PartOfDayCoverage> Coverage,
    [property: Id(12)] decimal VisitHoursThisWeek = 0)
{
    /// <summary>Buurtzorg's key figure: direct client hours (<see cref="VisitHoursThisWeek"/>) per contract hour, in percent; null without contract hours.</summary>
    public int? ProductivityPercent => Productivity.Percent(VisitHoursThisWeek, SupplyHoursPerWeek);

    /// <summary>At eleven or twelve nurses a team is about to divide.</summary>
    public bool NearDivision => !Divided && Nurses >= 11;

    /// <summary>Supply is contract hours; only about 60 % of them can go to clients.</summary>
    public decimal DirectCareHoursPerWeek => SupplyHoursPerWeek * Productivity.DirectCareShare;

    /// <summary>
    /// Short over the week, or in any part of the day: a team without an evening nurse is short
    /// in the evening however well its weekly totals look.
    /// </summary>
    public bool OverCapacity => DemandHoursPerWeek > DirectCareHoursPerWeek || Coverage.Any(c => c.Short);
}

/// <summary>The same figures summed over a region, or over the nation.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.CapacityTotals")]
public sealed record CapacityTotals(
    [property: Id(0)] string Name,
    [property: Id(1)] int Teams,
    [property: Id(2)] int Nurses,
    [property: Id(3)] decimal SupplyHoursPerWeek,
    [property: Id(4)] decimal DemandHoursPerWeek,
    [property: Id(5)] decimal OpenVisitHours,
    [property: Id(6)] int? ActiveClients,
    [property: Id(7)] int? WaitingClients,
    [property: Id(8)] int TeamsNearDivision,
    [property: Id(9)] int TeamsOverCapacity,
    [property: Id(10)] decimal ConfirmedHoursThisWeek,
    [property: Id(11)] IReadOnlyList<PartOfDayTotals> Coverage,
    [property: Id(12)] decimal VisitHoursThisWeek = 0)
{
    public decimal DirectCareHoursPerWeek => SupplyHoursPerWeek * Productivity.DirectCareShare;

    public int? ProductivityPercent => Productivity.Percent(VisitHoursThisWeek, SupplyHoursPerWeek);
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.CapacityOverview")]
public sealed record CapacityOverview(
    [property: Id(0)] CapacityTotals Nation,
    [property: Id(1)] IReadOnlyList<CapacityTotals> Regions,
    [property: Id(2)] IReadOnlyList<TeamCapacity> Teams,
    [property: Id(3)] long Version);

public static class CapacityPrivacy
{
    /// <summary>Fewer clients than this are shown as withheld, never as a number.</summary>
    public const int MinimumCount = 5;

    public static int? Suppress(int count) => count < MinimumCount ? null : count;
}
