using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.Teams.Division;

namespace Buurtzorg.Grains.Teams;

/// <summary>
/// Cell division. The thirteenth nurse's arrival and the plan (who goes where, computed by
/// <see cref="TeamDivision"/>) are stored in one write; carrying the plan out is a series of
/// steps that are each safe to repeat (found the two teams, hand every client's schedule over,
/// tell clients and nurses), ending with the parent emptied and pointing at its children. A
/// silo that stops anywhere in between leaves a stored plan, which the next activation
/// carries out from the start.
/// </summary>
public sealed partial class TeamGrain
{
    public async ValueTask FoundFromDivision(Guid parentId, string name, string region, IReadOnlyList<TeamMember> nurses, IReadOnlyList<Guid> clientIds)
    {
        if (State.Founded)
        {
            if (State.ParentTeamId != parentId)
            {
                throw new InvalidOperationException($"Team {this.GetPrimaryKey()} exists and is not a child of {parentId}.");
            }

            return;
        }

        var now = clock.GetUtcNow();
        State.Founded = true;
        State.Name = name;
        State.Region = region;
        State.FoundedAt = now;
        State.ParentTeamId = parentId;
        State.Nurses = [.. nurses.Select(n => new TeamNurseState { NurseId = n.NurseId, Name = n.Name, JoinedAt = n.JoinedAt })];
        State.Clients = [.. clientIds];
        await Commit(TeamChangeKind.Founded, nurseId: null, now);
        await GrainFactory.GetGrain<ITeamDirectoryGrain>(0).Register(new TeamListing(this.GetPrimaryKey(), name, now));
    }

    private async ValueTask<TeamResult> Divide(Guid arrivingNurse, DateTimeOffset now)
    {
        var division = TeamDivision.Divide(await DivisionInput());
        var halves = new[] { division.First, division.Second };
        var names = HalfNames(halves, await ClientLocations());
        State.Division = new TeamDivisionPlan
        {
            Halves = [.. halves.Select((half, i) => new TeamHalfPlan
            {
                TeamId = Guid.NewGuid(),
                Name = $"{State.Name} {names[i]}",
                Nurses = [.. State.Nurses.Where(n => half.NurseIds.Contains(n.NurseId))],
                Clients = [.. half.ClientIds],
            })],
        };
        await Commit(TeamChangeKind.NurseAdded, arrivingNurse, now);
        await CarryOutDivision();
        return TeamResult.Ok(Snapshot());
    }

    private async Task CarryOutDivision()
    {
        var parentId = this.GetPrimaryKey();
        var schedule = GrainFactory.GetGrain<ITeamScheduleGrain>(parentId);
        foreach (var half in State.Division!.Halves)
        {
            await GrainFactory.GetGrain<ITeamGrain>(half.TeamId).FoundFromDivision(
                parentId, half.Name, State.Region, [.. half.Nurses.Select(n => new TeamMember(n.NurseId, n.Name, n.JoinedAt))], half.Clients);
        }

        foreach (var half in State.Division.Halves)
        {
            // The plan's nurses, not the child's current list: a repeat hands over the same way.
            var nurses = half.Nurses.Select(n => n.NurseId).ToList();
            foreach (var client in half.Clients)
            {
                await schedule.HandOverClient(client, half.TeamId, nurses);
                await GrainFactory.GetGrain<IClientGrain>(client).FollowTeam(half.TeamId);
            }

            foreach (var nurse in half.Nurses)
            {
                await GrainFactory.GetGrain<INurseGrain>(nurse.NurseId).FollowTeam(parentId, half.TeamId);
            }
        }

        State.Nurses = [];
        State.Clients = [];
        State.ChildTeamIds = [.. State.Division.Halves.Select(h => h.TeamId)];
        await Commit(TeamChangeKind.Divided, nurseId: null, clock.GetUtcNow(), State.ChildTeamIds);

        // It carries on as its children, which are listed: listed too, it would read as one more
        // working team. Safe to repeat, so a restart here finishes it.
        await GrainFactory.GetGrain<ITeamDirectoryGrain>(0).Retire(parentId);
    }

    /// <summary>Where a client of a divided team belongs: the half that took them, else the smaller half.</summary>
    private Guid ChildFor(Guid clientId) =>
        (State.Division!.Halves.Find(h => h.Clients.Contains(clientId)) ?? State.Division.Halves.MinBy(h => h.Clients.Count)!).TeamId;

    private async Task<DivisionInput> DivisionInput()
    {
        var clients = await ClientLocations();
        var fallback = clients.Count > 0
            ? new GeoPoint(clients.Values.Average(p => p.Latitude), clients.Values.Average(p => p.Longitude))
            : default;
        var nurses = new List<DivisionNurse>();
        foreach (var member in State.Nurses)
        {
            // A nurse added without a profile has no known home; she counts as living centrally.
            var record = await GrainFactory.GetGrain<INurseGrain>(member.NurseId).Get();
            nurses.Add(new DivisionNurse(member.NurseId, record?.Profile.Home ?? fallback));
        }

        var bonds = await GrainFactory.GetGrain<ITeamScheduleGrain>(this.GetPrimaryKey()).GetCareBonds();
        return new DivisionInput(
            nurses,
            [.. State.Clients.Select(c => new DivisionClient(c, clients.GetValueOrDefault(c, fallback)))],
            [.. bonds.Select(b => new CareBond(b.NurseId, b.ClientId, b.Visits))]);
    }

    private async Task<Dictionary<Guid, GeoPoint>> ClientLocations()
    {
        var locations = new Dictionary<Guid, GeoPoint>();
        foreach (var clientId in State.Clients)
        {
            if (await GrainFactory.GetGrain<IClientGrain>(clientId).Get() is { } client)
            {
                locations[clientId] = client.Details.Address.Location;
            }
        }

        return locations;
    }

    /// <summary>Names the halves by where their clients live relative to each other (Noord/Zuid or West/Oost).</summary>
    private static string[] HalfNames(TeamHalf[] halves, Dictionary<Guid, GeoPoint> locations)
    {
        var centres = halves.Select(h => h.ClientIds.Where(locations.ContainsKey).Select(c => locations[c]).ToList())
            .Select(points => points.Count == 0 ? (GeoPoint?)null : new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude)))
            .ToArray();
        if (centres[0] is not { } a || centres[1] is not { } b)
        {
            return ["1", "2"];
        }

        // A degree of longitude is about 0.6 of a degree of latitude in the Netherlands.
        return Math.Abs(a.Latitude - b.Latitude) >= Math.Abs(a.Longitude - b.Longitude) * 0.6
            ? a.Latitude >= b.Latitude ? ["Noord", "Zuid"] : ["Zuid", "Noord"]
            : a.Longitude <= b.Longitude ? ["West", "Oost"] : ["Oost", "West"];
    }
}
