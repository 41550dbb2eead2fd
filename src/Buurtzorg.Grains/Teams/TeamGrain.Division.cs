using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.Teams.Division;
using Microsoft.Extensions.Logging;

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
        await List(new TeamListing(this.GetPrimaryKey(), name, now));
    }

    private async ValueTask<TeamResult> Divide(Guid arrivingNurse, DateTimeOffset now)
    {
        var clients = await ClientRecords();
        var division = TeamDivision.Divide(await DivisionInput(clients));
        if (!division.Balanced)
        {
            LogUnbalancedDivision(logger, this.GetPrimaryKey(), division.Quality.FirstDemandShare, division.Quality.FirstContractShare, TeamDivision.BalanceTolerance);
        }

        var halves = new[] { division.First, division.Second };
        var names = HalfNames(halves, clients.ToDictionary(c => c.Key, c => c.Value.Details.Address.Location));
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

        // Open places close with the parent rather than pass to a half: a place was offered for
        // the team as it was, and each half (a team of six or seven, with its own clients) decides
        // afresh whether it wants a colleague. Waiting join requests stay with the parent, which
        // refuses answers, and leave the national count with it.
        State.OpenPlaces = [];
        State.ChildTeamIds = [.. State.Division.Halves.Select(h => h.TeamId)];
        await Commit(TeamChangeKind.Divided, nurseId: null, clock.GetUtcNow(), State.ChildTeamIds);

        // It carries on as its children, which are listed: listed too, it would read as one more
        // working team. Safe to repeat, so a restart here finishes it.
        await Unlist();
    }

    /// <summary>Where a client of a divided team belongs: the half that took them, else the smaller half.</summary>
    private Guid ChildFor(Guid clientId) =>
        (State.Division!.Halves.Find(h => h.Clients.Contains(clientId)) ?? State.Division.Halves.MinBy(h => h.Clients.Count)!).TeamId;

    /// <summary>
    /// What the division weighs. A client's demand is the nurse hours a week their care plan asks
    /// of the team, the figure the capacity page sums; a client with no team interventions yet (just
    /// taken in) counts with their indication, the hours granted them, which is what they will ask.
    /// A nurse's hours are her contract's; one without a profile counts as the team's average.
    /// </summary>
    private async Task<DivisionInput> DivisionInput(Dictionary<Guid, ClientRecord> clients)
    {
        var fallback = clients.Count > 0
            ? new GeoPoint(clients.Values.Average(c => c.Details.Address.Location.Latitude), clients.Values.Average(c => c.Details.Address.Location.Longitude))
            : default;
        var records = new List<(Guid Id, NurseProfile? Profile)>();
        foreach (var member in State.Nurses)
        {
            records.Add((member.NurseId, (await GrainFactory.GetGrain<INurseGrain>(member.NurseId).Get())?.Profile));
        }

        var known = records.Where(r => r.Profile is { ContractHoursPerWeek: > 0 }).Select(r => (double)r.Profile!.ContractHoursPerWeek).ToList();
        var averageHours = known.Count > 0 ? known.Average() : 0;

        // A nurse added without a profile has no known home; she counts as living centrally.
        var nurses = records.Select(r => new DivisionNurse(
            r.Id,
            r.Profile?.Home ?? fallback,
            r.Profile is { ContractHoursPerWeek: > 0 } profile ? (double)profile.ContractHoursPerWeek : averageHours)).ToList();

        var schedule = GrainFactory.GetGrain<ITeamScheduleGrain>(this.GetPrimaryKey());
        var demand = (await schedule.GetClientDemand()).ToDictionary(d => d.ClientId, d => (double)d.HoursPerWeek);
        var bonds = await schedule.GetCareBonds();
        return new DivisionInput(
            nurses,
            [.. State.Clients.Select(c => new DivisionClient(
                c,
                clients.TryGetValue(c, out var client) ? client.Details.Address.Location : fallback,
                demand.TryGetValue(c, out var hours) ? hours : (double)(client?.Details.IndicationHoursPerWeek ?? 0)))],
            [.. bonds.Select(b => new CareBond(b.NurseId, b.ClientId, b.Visits))]);
    }

    private async Task<Dictionary<Guid, ClientRecord>> ClientRecords()
    {
        var records = new Dictionary<Guid, ClientRecord>();
        foreach (var clientId in State.Clients)
        {
            if (await GrainFactory.GetGrain<IClientGrain>(clientId).Get() is { } client)
            {
                records[clientId] = client;
            }
        }

        return records;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId} divided outside the demand tolerance: no division came closer. The first half has {DemandShare:P0} of the demand and {ContractShare:P0} of the contract hours (tolerance {Tolerance:P0})")]
    private static partial void LogUnbalancedDivision(ILogger logger, Guid teamId, double demandShare, double contractShare, double tolerance);
}
