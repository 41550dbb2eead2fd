using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Contracts.Places;

/// <summary>
/// A place a team offers a colleague: how many hours a week, whether it asks a qualification,
/// where (the neighbourhood the team names, and the team's centre for distances) and a short
/// note. A nurse answers it with the team's ordinary join request.
/// </summary>
/// <remarks><c>Location</c>: The team's centre when it was posted: never shown, only measured from.</remarks>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Places.OpenPlace")]
public sealed record OpenPlace(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int HoursPerWeek,
    [property: Id(2)] Qualification? Qualification,
    [property: Id(3)] string Neighbourhood,
    [property: Id(4)] string? Note,
    [property: Id(5)] GeoPoint Location,
    [property: Id(6)] DateTimeOffset PostedAt,
    [property: Id(7)] Guid PostedBy);

public static class OpenPlaceLimits
{
    public const int MinHoursPerWeek = 1;

    /// <summary>A full-time Dutch contract; nobody is offered more.</summary>
    public const int MaxHoursPerWeek = 40;

    public const int MaxNoteLength = 300;

    public const int MaxNeighbourhoodLength = 100;

    /// <summary>A team wanting more colleagues than a whole team would divide anyway; the bound keeps one team from flooding the national list.</summary>
    public const int MaxOpenPlacesPerTeam = 6;

    public const double DefaultWithinKm = 25;

    public const double MaxWithinKm = 100;
}

/// <summary>What a member posts; the team stamps when, and names its region for a place posted without a neighbourhood.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Places.OpenPlaceDraft")]
public sealed record OpenPlaceDraft(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int HoursPerWeek,
    [property: Id(2)] Qualification? Qualification,
    [property: Id(3)] string? Neighbourhood,
    [property: Id(4)] string? Note,
    [property: Id(5)] GeoPoint Location,
    [property: Id(6)] Guid PostedBy);
