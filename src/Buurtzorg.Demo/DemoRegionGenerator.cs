using System.Diagnostics;
using Bogus;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Demo;

/// <summary>How big a region to generate. <c>FullTeams</c>: how many of the first teams have the full twelve nurses, so a thirteenth joining divides one at once.</summary>
public sealed record DemoOptions(int Teams, int MinClientsPerTeam, int MaxClientsPerTeam, int Seed = 2007, int Parallelism = 4, int PlannedDays = 0, int FullTeams = 0)
{
    /// <summary>
    /// A few teams with a modest caseload, today's and tomorrow's rounds mostly planned: quick to
    /// start, enough to show everything, the first team at twelve so its division can be tried.
    /// </summary>
    public static DemoOptions Small => new(Teams: 4, MinClientsPerTeam: 10, MaxClientsPerTeam: 16, PlannedDays: 2, FullTeams: 1);

    /// <summary>The national scale: about 900 teams, 10,000 nurses and 60,000 clients.</summary>
    public static DemoOptions National(int teams) => new(teams, MinClientsPerTeam: 55, MaxClientsPerTeam: 78);
}

public sealed record DemoSummary(int Teams, int Nurses, int Clients, int CarePlanProblems, TimeSpan Elapsed);

/// <summary>
/// Generates a demo region through the grains, so everything it creates goes through the same
/// rules and storage as real use: teams of 9-11 nurses (or twelve, see <see cref="DemoOptions.FullTeams"/>) with Dutch names, qualifications, homes
/// and weekly rounds; clients in real neighbourhoods with valid Dutch postcodes, their own
/// network and Omaha care plans whose team interventions fill the schedule. The same seed gives
/// the same region (ids included).
/// </summary>
public static class DemoRegionGenerator
{
    /// <summary>Who the history names as the author of generated care plans.</summary>
    public static readonly Guid Author = new("d0d0d0d0-2007-4b75-8a1e-000000000001");

    private static readonly Qualification[] Specialisms =
    [
        Qualification.WoundCare, Qualification.InjectionsAndMedication, Qualification.DiabetesCare,
        Qualification.PalliativeCare, Qualification.CatheterAndStomaCare,
    ];

    public static async Task<DemoSummary> Generate(IGrainFactory grains, DemoOptions options, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var counts = new int[3];
        using var gate = new SemaphoreSlim(options.Parallelism);
        await Task.WhenAll(Enumerable.Range(0, options.Teams).Select(async index =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                // One randomizer per team, seeded from the team's number: the region is the same
                // whatever order the teams are generated in.
                var (nurses, clients, problems) = await GenerateTeam(grains, options, index, new Faker("nl") { Random = new Randomizer(options.Seed * 10_007 + index) });
                Interlocked.Add(ref counts[0], nurses);
                Interlocked.Add(ref counts[1], clients);
                Interlocked.Add(ref counts[2], problems);
            }
            finally
            {
                gate.Release();
            }
        }));

        return new DemoSummary(options.Teams, counts[0], counts[1], counts[2], stopwatch.Elapsed);
    }

    private static async Task<(int Nurses, int Clients, int Problems)> GenerateTeam(IGrainFactory grains, DemoOptions options, int index, Faker faker)
    {
        var hood = DemoGeography.Neighbourhoods[index % DemoGeography.Neighbourhoods.Count];
        var round = index / DemoGeography.Neighbourhoods.Count;
        var name = $"Buurtzorg {hood.City} {hood.Name}{(round == 0 ? "" : $" {round + 1}")}";
        var centre = Near(faker, hood.Centre, round == 0 ? 0 : 0.01);
        var teamId = faker.Random.Guid();
        await grains.GetGrain<ITeamGrain>(teamId).Create(name, hood.Region);

        var drawn = faker.Random.Int(9, 11);
        var nurseCount = index < options.FullTeams ? TeamLimits.MaxNurses : drawn;
        var nurseIds = new List<Guid>();
        for (var n = 0; n < nurseCount; n++)
        {
            var nurseId = faker.Random.Guid();
            var nurse = grains.GetGrain<INurseGrain>(nurseId);
            await nurse.Register(NewNurse(faker, centre));
            await nurse.MoveToTeam(teamId);
            nurseIds.Add(nurseId);
        }

        var clientCount = faker.Random.Int(options.MinClientsPerTeam, options.MaxClientsPerTeam);
        var problems = 0;
        for (var c = 0; c < clientCount; c++)
        {
            problems += await NewClient(grains, faker, teamId, hood.City, centre);
        }

        await PlanRounds(grains, teamId, nurseIds, options.PlannedDays);
        return (nurseCount, clientCount, problems);
    }

    /// <summary>
    /// Nurses take the coming days' visits as a team would: each client by the nurse who knows
    /// them if she can (the same one every day), else a colleague; a nurse takes at most twelve
    /// visits a day, and what nobody can take stays open on the team board. Through the same
    /// claims a nurse makes, so every rule (qualification, hours, leave) holds.
    /// </summary>
    private static async Task PlanRounds(IGrainFactory grains, Guid teamId, List<Guid> nurseIds, int days)
    {
        const int MaxVisitsPerNurseAndDay = 12;
        var schedule = grains.GetGrain<ITeamScheduleGrain>(teamId);
        // The schedule starts today (in the Netherlands): its first days are the ones to plan.
        var all = (await schedule.GetVisits(DateOnly.MinValue, DateOnly.MaxValue)).Visits;
        var known = new Dictionary<Guid, int>();
        foreach (var day in all.GroupBy(v => v.Date).OrderBy(g => g.Key).Take(days))
        {
            var load = new Dictionary<Guid, int>();
            foreach (var visit in day.OrderBy(v => v.WindowStart).ThenBy(v => v.ClientId))
            {
                var first = known.TryGetValue(visit.ClientId, out var at) ? at : known[visit.ClientId] = known.Count % nurseIds.Count;
                var taken = 0;
                for (var i = 0; i < nurseIds.Count && taken < visit.NursesNeeded; i++)
                {
                    var nurseId = nurseIds[(first + i) % nurseIds.Count];
                    if (load.GetValueOrDefault(nurseId) < MaxVisitsPerNurseAndDay && (await schedule.Claim(visit.Id, nurseId)).Error == RoundError.None)
                    {
                        load[nurseId] = load.GetValueOrDefault(nurseId) + 1;
                        taken++;
                    }
                }
            }
        }
    }

    private static NurseProfile NewNurse(Faker faker, GeoPoint centre)
    {
        Qualification[] qualifications = [Qualification.BasicCare, .. faker.PickRandom(Specialisms, faker.Random.Int(1, 3))];
        var days = faker.PickRandom(Enum.GetValues<DayOfWeek>(), faker.Random.Int(3, 5)).ToList();
        var morning = faker.Random.Bool(0.8f);
        var slots = days.Select(day => morning
            ? new AvailabilitySlot(day, new TimeOnly(7, 0), new TimeOnly(12, 30))
            : new AvailabilitySlot(day, new TimeOnly(16, 30), new TimeOnly(22, 0))).OrderBy(s => s.Day).ToList();
        return new NurseProfile(
            faker.Name.FullName(),
            [.. qualifications.Order()],
            faker.Random.Int(16, 36),
            Near(faker, centre, 0.03),
            slots);
    }

    private static async Task<int> NewClient(IGrainFactory grains, Faker faker, Guid teamId, string city, GeoPoint centre)
    {
        var clientId = faker.Random.Guid();
        var client = grains.GetGrain<IClientGrain>(clientId);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var registration = new ClientRegistration(
            faker.Name.FullName(),
            DateOnly.FromDateTime(faker.Date.Between(new DateTime(1928, 1, 1), new DateTime(1962, 12, 31))),
            new Address(faker.Address.StreetName(), faker.Random.Int(1, 240).ToString(System.Globalization.CultureInfo.InvariantCulture) + faker.PickRandom("", "", "", "a", "b"),
                Postcode(faker), city, Near(faker, centre, 0.012)),
            Phone(faker),
            teamId,
            faker.Random.Int(4, 24) / 2m,
            today.AddDays(-faker.Random.Int(0, 720)));
        await client.Register(registration);

        Guid? family = null;
        for (var m = faker.Random.Int(0, 3); m > 0; m--)
        {
            var memberId = faker.Random.Guid();
            var relation = faker.PickRandom(NetworkRelation.Family, NetworkRelation.Family, NetworkRelation.Neighbour, NetworkRelation.InformalCarer);
            await client.AddNetworkMember(memberId, new NetworkMemberDetails(
                faker.Name.FullName(),
                relation,
                relation == NetworkRelation.Family ? faker.PickRandom("dochter", "zoon", "echtgenoot", "kleindochter") : null,
                Phone(faker),
                null,
                null));
            await client.SetNetworkAccess(memberId, faker.PickRandom(NetworkAccess.None, NetworkAccess.Agenda, NetworkAccess.CarePlan));
            family ??= relation is NetworkRelation.Family or NetworkRelation.InformalCarer ? memberId : null;
        }

        var plan = grains.GetGrain<ICarePlanGrain>(clientId);
        var version = 0;
        var patterns = PickPatterns(faker);
        foreach (var pattern in patterns)
        {
            var edit = new ProblemEdit(pattern.ProblemCode, ProblemScope.Individual, pattern.Type,
                pattern.Type == ProblemType.Actual ? pattern.Signs : [], pattern.Interventions(faker.Random, family));
            version = (await plan.WriteProblem(version, edit, Author)).Plan.Version;
            var rating = new OutcomeRating(RatingMoment.Admission, registration.StartDate, faker.Random.Int(1, 4), faker.Random.Int(1, 4), faker.Random.Int(1, 4));
            version = (await plan.RateOutcome(version, pattern.ProblemCode, rating, Author)).Plan.Version;
        }

        return patterns.Count;
    }

    /// <summary>One to four problems, drawn by how common they are, each Omaha problem at most once.</summary>
    private static List<CarePatterns.Pattern> PickPatterns(Faker faker)
    {
        var picked = new List<CarePatterns.Pattern>();
        foreach (var pattern in CarePatterns.All)
        {
            if (faker.Random.Double() < pattern.Weight && picked.TrueForAll(p => p.ProblemCode != pattern.ProblemCode))
            {
                picked.Add(pattern);
            }
        }

        return picked.Count > 0 ? [.. picked.Take(4)] : [CarePatterns.All[0]];
    }

    /// <summary>Bogus' Dutch postcodes may start with 0, which no Dutch postcode does: draw valid ones.</summary>
    private static string Postcode(Faker faker) =>
        $"{faker.Random.Int(1000, 9999)} {faker.Random.String2(1, "ABCDEFGHJKLMNPRTVWXZ")}{faker.Random.String2(1, "ABCDEFGHJKLMNPRTVWXZ")}";

    private static string Phone(Faker faker) => faker.Random.Bool(0.7f)
        ? $"06 {faker.Random.Int(10_000_000, 99_999_999)}"
        : $"0{faker.PickRandom(10, 20, 30, 40, 50, 70)} {faker.Random.Int(100, 999)} {faker.Random.Int(1000, 9999)}";

    private static GeoPoint Near(Faker faker, GeoPoint centre, double spread) =>
        new(centre.Latitude + faker.Random.Double(-spread, spread), centre.Longitude + faker.Random.Double(-spread, spread) * 1.6);
}
