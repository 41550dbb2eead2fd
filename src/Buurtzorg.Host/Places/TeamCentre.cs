using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Host.Places;

/// <summary>
/// Where a team works, to measure a place's distance from: the mean of its clients' homes (its
/// neighbourhood), else, for a team without clients yet, of its nurses' homes. Worked out here
/// rather than in the team grain, which would otherwise wait on its clients' grains in the middle
/// of a change.
/// </summary>
internal static class TeamCentre
{
    public static async Task<GeoPoint?> Of(IGrainFactory grains, TeamSnapshot team)
    {
        var points = new List<GeoPoint>();
        foreach (var clientId in team.ClientIds)
        {
            if (await grains.GetGrain<IClientGrain>(clientId).Get() is { } client)
            {
                points.Add(client.Details.Address.Location);
            }
        }

        if (points.Count == 0)
        {
            foreach (var member in team.Nurses)
            {
                if (await grains.GetGrain<INurseGrain>(member.NurseId).Get() is { } nurse)
                {
                    points.Add(nurse.Profile.Home);
                }
            }
        }

        return points.Count == 0 ? null : new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude));
    }
}
