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

/// <summary>
/// How big a region to generate. <c>FullTeams</c>: how many of the first teams have the full twelve
/// nurses, so a thirteenth joining divides one at once. Clients are added until their care asks
/// <c>DirectCareShare</c> of the team's contract hours (at least <c>MinClientsPerTeam</c>, at most
/// <c>MaxClientsPerTeam</c>).
/// </summary>
public sealed record DemoOptions(
    int Teams, int MinClientsPerTeam, int MaxClientsPerTeam, int Seed = 2007, int Parallelism = 4, int PlannedDays = 0, int FullTeams = 0, decimal DirectCareShare = 0.55m)
{
    /// <summary>
    /// A few teams with the caseload their contract hours carry, today's and tomorrow's rounds
    /// mostly planned: enough to show everything, the first team at twelve so its division can be tried.
    /// </summary>
    public static DemoOptions Small => new(Teams: 4, MinClientsPerTeam: 10, MaxClientsPerTeam: 70, PlannedDays: 2, FullTeams: 1);

    /// <summary>The national scale: about 900 teams, 10,000 nurses and 60,000 clients.</summary>
    public static DemoOptions National(int teams) => new(teams, MinClientsPerTeam: 55, MaxClientsPerTeam: 78);
}

public sealed record DemoSummary(int Teams, int Nurses, int Clients, int CarePlanProblems, TimeSpan Elapsed);

/// <summary>
/// Generates a demo region through the grains, so everything it creates goes through the same
/// rules and storage as real use: teams of 9-11 nurses (or twelve, see <see cref="DemoOptions.FullTeams"/>)
/// with Dutch names, contracts of 16-32 hours, qualifications, homes and a rota of morning,
/// afternoon and evening shifts over the whole week (<see cref="DemoRota"/>); clients (no two of a
/// team with one name) in real neighbourhoods with that area's postcodes, their own network and
/// Omaha care plans whose team interventions ask about 55 % of the team's contract hours, near
/// the ~60 % of contract time Buurtzorg nurses spend with clients. The same seed gives the same
/// region (ids included).
/// </summary>
public static class DemoRegionGenerator
{
    /// <summary>Who the history names as the author of generated care plans.</summary>
    public static readonly Guid Author = new("d0d0d0d0-2007-4b75-8a1e-000000000001");

    public static Task<DemoSummary> Generate(IGrainFactory grains, DemoOptions options, CancellationToken cancellationToken = default) =>
        Generate(grains, options, teamsDone: null, cancellationToken);

    /// <summary>As <see cref="Generate(IGrainFactory, DemoOptions, CancellationToken)"/>, telling <paramref name="teamsDone"/> how many teams are complete after each one.</summary>
    public static async Task<DemoSummary> Generate(IGrainFactory grains, DemoOptions options, IProgress<int>? teamsDone, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var counts = new int[3];
        var done = 0;
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
                teamsDone?.Report(Interlocked.Increment(ref done));
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
        var contracts = Enumerable.Range(0, nurseCount).Select(_ => (decimal)faker.PickRandom(16, 20, 24, 24, 24, 28, 28, 32)).ToList();
        var rota = DemoRota.Make(contracts);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nurseIds = new List<Guid>();
        for (var n = 0; n < nurseCount; n++)
        {
            var nurseId = faker.Random.Guid();
            var nurse = grains.GetGrain<INurseGrain>(nurseId);
            await nurse.Register(NewNurse(faker, centre, Unique(faker, names), contracts[n], rota[n]));
            await nurse.MoveToTeam(teamId);
            nurseIds.Add(nurseId);
        }

        // Clients come as referrals do, until their care fills the share of the team's hours a
        // team gives to clients; the rest of its time is travel, planning and its own organisation.
        var target = contracts.Sum() * options.DirectCareShare;
        var demand = 0m;
        var clientCount = 0;
        var problems = 0;
        names.Clear();
        while (clientCount < options.MinClientsPerTeam || (demand < target && clientCount < options.MaxClientsPerTeam))
        {
            var (count, hours) = await NewClient(grains, faker, teamId, hood, centre, Unique(faker, names));
            problems += count;
            demand += hours;
            clientCount++;
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

    private static NurseProfile NewNurse(Faker faker, GeoPoint centre, string name, decimal contractHours, IReadOnlyList<AvailabilitySlot> rota)
    {
        // A district nurse (wijkverpleegkundige) gives injections and medication and dresses
        // wounds as a matter of course; palliative care is common in a team, diabetes and
        // catheter and stoma care are what one or two nurses of a team specialise in.
        Qualification[] qualifications =
        [
            Qualification.BasicCare,
            Qualification.InjectionsAndMedication,
            Qualification.WoundCare,
            .. faker.Random.Bool(0.6f) ? new[] { Qualification.PalliativeCare } : [],
            .. faker.Random.Bool(0.5f) ? new[] { Qualification.DiabetesCare } : [],
            .. faker.Random.Bool(0.4f) ? new[] { Qualification.CatheterAndStomaCare } : [],
        ];
        return new NurseProfile(name, [.. qualifications.Order()], contractHours, Near(faker, centre, 0.03), rota);
    }

    /// <summary>A name not yet used in the team: two clients of one team with one name would be mixed up at the door.</summary>
    private static string Unique(Faker faker, HashSet<string> names)
    {
        var name = faker.Name.FullName();
        while (!names.Add(name))
        {
            name = faker.Name.FullName();
        }

        return name;
    }

    /// <summary>Registers a client with their network and care plan; returns the problems and the team's hours a week it asks.</summary>
    private static async Task<(int Problems, decimal Hours)> NewClient(IGrainFactory grains, Faker faker, Guid teamId, Neighbourhood hood, GeoPoint centre, string name)
    {
        var clientId = faker.Random.Guid();
        var client = grains.GetGrain<IClientGrain>(clientId);
        var today = DateOnly.FromDateTime(DateTime.Today);

        // The network first: a relative may take on part of the care in the plan.
        var members = new List<(Guid Id, NetworkMemberDetails Details, NetworkAccess Access)>();
        Guid? family = null;
        for (var m = faker.Random.Int(0, 3); m > 0; m--)
        {
            var memberId = faker.Random.Guid();
            var relation = faker.PickRandom(NetworkRelation.Family, NetworkRelation.Family, NetworkRelation.Neighbour, NetworkRelation.InformalCarer);
            members.Add((memberId, new NetworkMemberDetails(
                faker.Name.FullName(),
                relation,
                relation == NetworkRelation.Family ? faker.PickRandom("dochter", "zoon", "echtgenoot", "kleindochter") : null,
                Phone(faker),
                null,
                null), faker.PickRandom(NetworkAccess.None, NetworkAccess.Agenda, NetworkAccess.CarePlan)));
            family ??= relation is NetworkRelation.Family or NetworkRelation.InformalCarer ? memberId : null;
        }

        var problems = PickPatterns(faker).Select(p => (Pattern: p, Interventions: p.Interventions(faker.Random, family))).ToList();
        var hours = problems.SelectMany(p => p.Interventions).Where(i => i.PerformedBy == Performer.Team).Sum(i =>
            (i.Schedule.Period == SchedulePeriod.Day ? 7 : 1) * i.Schedule.TimesPerPeriod * i.Schedule.DurationMinutes * (i.Schedule.TwoNurses ? 2 : 1)) / 60m;

        var registration = new ClientRegistration(
            name,
            DateOnly.FromDateTime(faker.Date.Between(new DateTime(1928, 1, 1), new DateTime(1962, 12, 31))),
            new Address(faker.Address.StreetName(), faker.Random.Int(1, 240).ToString(System.Globalization.CultureInfo.InvariantCulture) + faker.PickRandom("", "", "", "a", "b"),
                Postcode(faker, hood), hood.City, Near(faker, centre, 0.012)),
            Phone(faker),
            teamId,
            // The indication grants what the plan asks, in half hours.
            Math.Max(0.5m, Math.Ceiling(hours * 2) / 2),
            today.AddDays(-faker.Random.Int(0, 720)));
        await client.Register(registration);
        foreach (var (memberId, details, access) in members)
        {
            await client.AddNetworkMember(memberId, details);
            await client.SetNetworkAccess(memberId, access);
        }

        var plan = grains.GetGrain<ICarePlanGrain>(clientId);
        var version = 0;
        foreach (var (pattern, interventions) in problems)
        {
            var edit = new ProblemEdit(pattern.ProblemCode, ProblemScope.Individual, pattern.Type,
                pattern.Type == ProblemType.Actual ? pattern.Signs : [], interventions);
            version = (await plan.WriteProblem(version, edit, Author)).Plan.Version;
            var rating = new OutcomeRating(RatingMoment.Admission, registration.StartDate, faker.Random.Int(1, 4), faker.Random.Int(1, 4), faker.Random.Int(1, 4));
            version = (await plan.RateOutcome(version, pattern.ProblemCode, rating, Author)).Plan.Version;
        }

        return (problems.Count, hours);
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

    /// <summary>
    /// A postcode of the neighbourhood's own area (Utrecht addresses in 35xx), with letters as
    /// Dutch postcodes use them: Bogus' Dutch postcodes come from anywhere, some starting with 0.
    /// </summary>
    private static string Postcode(Faker faker, Neighbourhood hood) =>
        $"{faker.Random.Int(hood.PostcodeFrom, hood.PostcodeTo)} {faker.Random.String2(1, "ABCDEFGHJKLMNPRTVWXZ")}{faker.Random.String2(1, "ABCDEFGHJKLMNPRTVWXZ")}";

    private static string Phone(Faker faker) => faker.Random.Bool(0.7f)
        ? $"06 {faker.Random.Int(10_000_000, 99_999_999)}"
        : $"0{faker.PickRandom(10, 20, 30, 40, 50, 70)} {faker.Random.Int(100, 999)} {faker.Random.Int(1000, 9999)}";

    private static GeoPoint Near(Faker faker, GeoPoint centre, double spread) =>
        new(centre.Latitude + faker.Random.Double(-spread, spread), centre.Longitude + faker.Random.Double(-spread, spread) * 1.6);
}
