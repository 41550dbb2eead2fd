using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Places;

namespace Buurtzorg.Grains.Places;

public sealed class OpenPlacesGrain(
    [PersistentState("open-places", GrainStorage.Name)] IPersistentState<OpenPlacesState> places)
    : Grain, IOpenPlacesGrain
{
    private Dictionary<Guid, TeamPlacesReport> Teams => places.State.Teams;

    public async ValueTask ReportTeam(TeamPlacesReport report)
    {
        var held = Teams.GetValueOrDefault(report.TeamId);
        if (held is not null && held.Version >= report.Version)
        {
            return;
        }

        // Only teams with something to show are kept: the line of every team that ever had a
        // request would make the list grow with the organisation's history.
        var empty = report.Places.Count == 0 && report.WaitingNurseIds.Count == 0;
        if (empty && held is null)
        {
            return;
        }

        if (empty)
        {
            Teams.Remove(report.TeamId);
        }
        else
        {
            Teams[report.TeamId] = report;
        }

        try
        {
            await places.WriteStateAsync();
        }
        catch
        {
            await places.ReadStateAsync();
            throw;
        }
    }

    public ValueTask<IReadOnlyList<OpenPlaceNearby>> FindNear(GeoPoint from, double withinKm, Guid? exceptTeamId, Guid askingNurseId) =>
        ValueTask.FromResult<IReadOnlyList<OpenPlaceNearby>>(
            [.. Teams.Values
                .Where(team => team.TeamId != exceptTeamId)
                .SelectMany(team => team.Places.Select(place => new OpenPlaceNearby(
                    team.TeamId, team.TeamName, place, from.KmTo(place.Location), team.WaitingNurseIds.Contains(askingNurseId))))
                .Where(found => found.DistanceKm <= withinKm)
                .OrderBy(found => found.DistanceKm)
                .ThenBy(found => found.Place.PostedAt)]);

    public ValueTask<OpenPlacesOverview> GetOverview()
    {
        var teams = Teams.Values.ToList();
        var regions = teams.GroupBy(t => t.Region).OrderBy(g => g.Key, StringComparer.CurrentCulture).ToList();
        var withheld = WaitingSuppression.Of(regions.ToDictionary(g => g.Key, g => g.Sum(t => t.WaitingNurseIds.Count)));
        return ValueTask.FromResult(new OpenPlacesOverview(
            Totals("Nederland", teams, withheld.Nation),
            [.. regions.Select(g => Totals(g.Key, [.. g], withheld.Region(g.Key)))]));
    }

    private static RegionPlaces Totals(string name, List<TeamPlacesReport> teams, bool waitingWithheld) => new(
        name,
        teams.Count(t => t.Places.Count > 0),
        teams.Sum(t => t.Places.Count),
        teams.Sum(t => t.Places.Sum(p => p.HoursPerWeek)),
        waitingWithheld ? null : teams.Sum(t => t.WaitingNurseIds.Count));
}
