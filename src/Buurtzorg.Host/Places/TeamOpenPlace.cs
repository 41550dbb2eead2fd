using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Places;
using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Host.Places;

/// <summary>An open place as its own team sees it: who posted it, without the centre it is measured from.</summary>
public sealed record TeamOpenPlace(
    Guid Id, int HoursPerWeek, Qualification? Qualification, string Neighbourhood, string? Note, DateTimeOffset PostedAt, Guid PostedBy, string? PostedByName)
{
    public static IReadOnlyList<TeamOpenPlace> Of(TeamSnapshot team) =>
        [.. (team.OpenPlaces ?? []).OrderBy(p => p.PostedAt).Select(p => From(p, team))];

    public static TeamOpenPlace From(OpenPlace place, TeamSnapshot team) => new(
        place.Id, place.HoursPerWeek, place.Qualification, place.Neighbourhood, place.Note, place.PostedAt, place.PostedBy,
        team.Nurses.FirstOrDefault(n => n.NurseId == place.PostedBy)?.Name);
}
