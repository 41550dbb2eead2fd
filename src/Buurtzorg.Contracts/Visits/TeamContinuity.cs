namespace Buurtzorg.Contracts.Visits;

/// <summary>
/// How many different nurses each client of a team saw (or is to see), without saying which
/// client: one number per client, in no particular order. Buurtzorg aims for few per client.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.TeamContinuity")]
public sealed record TeamContinuity(
    [property: Id(0)] IReadOnlyList<int> NursesPerClientLastFourWeeks,
    [property: Id(1)] IReadOnlyList<int> NursesPerClientComingTwoWeeks,
    [property: Id(2)] int VisitsThisWeek,
    [property: Id(3)] int ClientsInCare);
