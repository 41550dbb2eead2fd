using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Contracts.Places;

/// <summary>
/// The national list of open places and of waiting join requests per team, so a nurse can find a
/// place near her home and central staff can count per region. A single grain (key 0): there are
/// hundreds of places nationally, and it changes only when a team posts or closes one or a
/// request to join comes or goes. Each team is the only source of its own line and reports the
/// whole line each time, so a repeated or late report is harmless.
/// </summary>
[Alias("Buurtzorg.Places.IOpenPlacesGrain")]
public interface IOpenPlacesGrain : IGrainWithIntegerKey
{
    /// <summary>Sets the team's line; a report older than the one held is ignored, an empty one takes the team off.</summary>
    [Alias("ReportTeam")]
    ValueTask ReportTeam(TeamPlacesReport report);

    /// <summary>Open places within <paramref name="withinKm"/> of a point, nearest first, without those of <paramref name="exceptTeamId"/>.</summary>
    [Alias("FindNear")]
    ValueTask<IReadOnlyList<OpenPlaceNearby>> FindNear(GeoPoint from, double withinKm, Guid? exceptTeamId, Guid askingNurseId);

    /// <summary>Per region and for the nation: places, hours offered and waiting requests; no names.</summary>
    [Alias("GetOverview")]
    ValueTask<OpenPlacesOverview> GetOverview();
}

/// <summary>A team's whole line in the national list, as of its <see cref="Version"/>.</summary>
/// <remarks><c>WaitingNurseIds</c>: Nurses whose request to join waits for an answer: counted for central staff, never named.</remarks>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Places.TeamPlacesReport")]
public sealed record TeamPlacesReport(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] long Version,
    [property: Id(2)] string TeamName,
    [property: Id(3)] string Region,
    [property: Id(4)] IReadOnlyList<OpenPlace> Places,
    [property: Id(5)] IReadOnlyList<Guid> WaitingNurseIds);

/// <summary>An open place as a nurse looking for one finds it: the team, the place and how far it is from her home.</summary>
/// <remarks><c>Asked</c>: Whether her own request to join this team waits.</remarks>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Places.OpenPlaceNearby")]
public sealed record OpenPlaceNearby(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] string TeamName,
    [property: Id(2)] OpenPlace Place,
    [property: Id(3)] double DistanceKm,
    [property: Id(4)] bool Asked);

/// <summary>
/// Open places and waiting join requests of a region (or the nation). A count of waiting requests
/// under <see cref="Capacity.CapacityPrivacy.MinimumCount"/> is withheld (null), as is a total it
/// could be worked out from: that a nurse asks to move is hers to tell.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Places.RegionPlaces")]
public sealed record RegionPlaces(
    [property: Id(0)] string Name,
    [property: Id(1)] int TeamsWithOpenPlaces,
    [property: Id(2)] int OpenPlaces,
    [property: Id(3)] int HoursPerWeek,
    [property: Id(4)] int? WaitingRequests);

[GenerateSerializer, Immutable, Alias("Buurtzorg.Places.OpenPlacesOverview")]
public sealed record OpenPlacesOverview(
    [property: Id(0)] RegionPlaces Nation,
    [property: Id(1)] IReadOnlyList<RegionPlaces> Regions);
