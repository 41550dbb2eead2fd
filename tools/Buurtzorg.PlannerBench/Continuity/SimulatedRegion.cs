using Bogus;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Demo;
using Buurtzorg.Planning;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>A nurse of a simulated team: home, contract, qualifications and her shift on each weekday she works.</summary>
internal sealed record SimNurse(string Id, int Home, decimal ContractHours, IReadOnlySet<string> Qualifications, IReadOnlyDictionary<DayOfWeek, AvailabilitySlot> Rota);

/// <summary>
/// One recurring visit of a client's care: the window its start must fall in (<see cref="From"/>
/// to <see cref="Latest"/>, minutes from midnight), how long it takes, what it needs, and the
/// weekdays it falls on (<see cref="Days"/> null: every day).
/// </summary>
internal sealed record VisitSpec(string Id, double From, double Latest, double Duration, string? Qualification, bool TwoNurses, IReadOnlySet<DayOfWeek>? Days)
{
    public bool On(DayOfWeek day) => Days is null || Days.Contains(day);

    public double WeeklyMinutes => (Days?.Count ?? 7) * Duration * (TwoNurses ? 2 : 1);
}

/// <summary>A client: where she lives, the Omaha problems her care is for, and her recurring visits.</summary>
internal sealed record SimClient(string Id, int Location, IReadOnlyList<int> ProblemCodes, IReadOnlyList<VisitSpec> Visits)
{
    public double WeeklyMinutes => Visits.Sum(v => v.WeeklyMinutes);
}

/// <summary>
/// A team as the disturbance script starts it and then changes it: nurses and clients shaped like
/// the demo region's (its neighbourhoods, care patterns, rota), drawn from one randomizer seeded
/// from the seed and the team's number, so a team is the same whatever else runs or in what order.
/// </summary>
internal sealed class SimulatedTeam
{
    /// <summary>
    /// The share of the rota's minutes the clients' visits fill when the team admits them; the
    /// rest goes to travel and to the slack of windows and shift ends.
    /// </summary>
    public const double CareShare = 0.6;

    // One care pattern gives about 150 visit minutes a week, which at CareShare would give a team
    // some 75 clients; real teams have 40-60, many clients having two problems. So each client gets
    // a second problem when one fits: new to her, and within three team visits a day. That gives
    // 39-62 clients a team at the start (mean 55) at seed 1, the most in the teams with most hours.
    private const int MaxVisitsPerDay = 3;

    // Of the care-plan changes, the share that adds a problem rather than moving a visit.
    private const double ExtraProblemShare = 0.2;

    private const double Noon = 12 * 60;
    private const double EveningFrom = 17 * 60;
    private const double FirstShiftStart = 7 * 60;

    // The evening shift ends at 22:30; a visit done by 22:15 leaves the nurse time to drive home.
    private const double LastVisitEnd = 22 * 60 + 15;

    private static readonly string[] Specialisms = ["WoundCare", "InjectionsAndMedication", "DiabetesCare", "PalliativeCare", "CatheterAndStomaCare"];
    private static readonly double[] WindowShifts = [-120, -60, 60, 120];

    private readonly Faker _faker;
    private readonly QualificationMix _qualifications;
    private readonly Neighbourhood _hood;
    private readonly List<(double Latitude, double Longitude)> _points = [];
    private readonly float[] _patternWeights = [.. CarePatterns.All.Select(p => (float)p.Weight)];
    private int _nurseSerial;
    private int _clientSerial;

    public SimulatedTeam(int seed, int index, QualificationMix qualifications)
    {
        Index = index;
        _qualifications = qualifications;
        _faker = new Faker("nl") { Random = new Randomizer(seed * 10_007 + index) };
        _hood = DemoGeography.Neighbourhoods[index % DemoGeography.Neighbourhoods.Count];
        var nurses = Random.Int(10, 12);
        for (var n = 0; n < nurses; n++)
        {
            Nurses.Add(NewNurse(Random.Int(4, 8) * 4));
        }

        Roster();
        // Clients come as referrals do, until their care fills the team's share of its rota.
        while (Clients.Sum(c => c.WeeklyMinutes) < CareShare * RotaMinutes)
        {
            Clients.Add(NewClient());
        }

        LoadShare = Clients.Sum(c => c.WeeklyMinutes) / RotaMinutes;
    }

    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public int Index { get; }

    public string Name => $"{_hood.City} {_hood.Name}";

    public Randomizer Random => _faker.Random;

    public List<SimNurse> Nurses { get; } = [];

    public List<SimClient> Clients { get; } = [];

    public int ClientsEver => _clientSerial;

    /// <summary>The clients' weekly visit minutes over the rota's when the team was made.</summary>
    public double LoadShare { get; }

    private double RotaMinutes => Nurses.Sum(n => n.Rota.Values.Sum(s => (s.To - s.From).TotalMinutes));

    public static double Minutes(TimeOnly time) => time.ToTimeSpan().TotalMinutes;

    /// <summary>Every place of the team so far, nurses' homes and clients', as a travel matrix.</summary>
    public MatrixTravelTimes Travel()
    {
        // Worked out once: the rule and the hand moves ask for the same legs thousands of times a day.
        var geo = new GeoTravelTimes(_points);
        var matrix = new double[_points.Count, _points.Count];
        for (var from = 0; from < _points.Count; from++)
        {
            for (var to = 0; to < _points.Count; to++)
            {
                matrix[from, to] = geo.Between(from, to);
            }
        }

        return new MatrixTravelTimes(matrix);
    }

    /// <summary>The rota of the nurses as they are now, made as the demo's teams make it.</summary>
    public void Roster()
    {
        var rota = DemoRota.Make([.. Nurses.Select(n => n.ContractHours)]);
        for (var n = 0; n < Nurses.Count; n++)
        {
            Nurses[n] = Nurses[n] with { Rota = rota[n].ToDictionary(s => s.Day) };
        }
    }

    public SimNurse NewNurse(decimal contractHours) =>
        new($"t{Index:00}-n{_nurseSerial++:00}", Near(), contractHours,
            new HashSet<string>(["BasicCare", .. _qualifications == QualificationMix.TeamDay ? _faker.PickRandom(Specialisms, Random.Int(1, 3)) : RegionSpecialisms()], StringComparer.Ordinal),
            new Dictionary<DayOfWeek, AvailabilitySlot>());

    public SimClient NewClient()
    {
        var id = $"t{Index:00}-c{_clientSerial++:000}";
        var location = Near();
        var pattern = Pick();
        var client = new SimClient(id, location, [pattern.ProblemCode], [.. Visits(id, 0, pattern)]);
        return WithProblem(client) ?? client;
    }

    /// <summary>
    /// A care-plan change: another problem (a fifth of the time, when it is new to her and keeps her
    /// within three visits a day), else one visit moved to another window: a morning visit to
    /// the evening, or earlier or later by one or two hours.
    /// </summary>
    public SimClient ChangedPlan(SimClient client)
    {
        if (Random.Double() < ExtraProblemShare && WithProblem(client) is { } more)
        {
            return more;
        }

        var at = Random.Int(0, client.Visits.Count - 1);
        var visit = client.Visits[at];
        var width = visit.Latest - visit.From;
        var from = visit.From < Noon && Random.Bool() ? EveningFrom + Random.Int(0, 2) * 30 : visit.From + Random.ArrayElement(WindowShifts);
        from = Math.Clamp(from, FirstShiftStart, Math.Max(FirstShiftStart, LastVisitEnd - width - visit.Duration));
        return client with { Visits = [.. client.Visits.Select((v, i) => i == at ? v with { From = from, Latest = from + width } : v)] };
    }

    private SimClient? WithProblem(SimClient client)
    {
        var pattern = Pick();
        var visits = Visits(client.Id, client.Visits.Count, pattern).ToList();
        if (client.ProblemCodes.Contains(pattern.ProblemCode))
        {
            return null;
        }

        List<VisitSpec> all = [.. client.Visits, .. visits];
        return Week.Max(day => all.Count(v => v.On(day))) <= MaxVisitsPerDay
            ? client with { ProblemCodes = [.. client.ProblemCodes, pattern.ProblemCode], Visits = all }
            : null;
    }

    /// <summary>
    /// As the demo region's nurses (DemoRegionGenerator): a district nurse gives injections and
    /// medication and dresses wounds as a matter of course; palliative care is common in a team,
    /// diabetes and catheter and stoma care are what one or two nurses of a team specialise in.
    /// </summary>
    private IEnumerable<string> RegionSpecialisms()
    {
        string[] usual = ["InjectionsAndMedication", "WoundCare"];
        var palliative = Random.Bool(0.6f);
        var diabetes = Random.Bool(0.5f);
        var catheter = Random.Bool(0.4f);
        return [.. usual, .. palliative ? ["PalliativeCare"] : Array.Empty<string>(), .. diabetes ? ["DiabetesCare"] : Array.Empty<string>(), .. catheter ? ["CatheterAndStomaCare"] : Array.Empty<string>()];
    }

    private CarePatterns.Pattern Pick() => Random.WeightedRandom([.. CarePatterns.All], _patternWeights);

    /// <summary>
    /// The team visits of a pattern, windows and lengths as TeamDayBench derives them: a daily
    /// intervention's window split between its visits, a weekly one on weekdays fixed for this
    /// client (drawn once, so "three times a week" is the same three days every week).
    /// </summary>
    private IEnumerable<VisitSpec> Visits(string clientId, int first, CarePatterns.Pattern pattern)
    {
        var serial = first;
        foreach (var intervention in pattern.Interventions(Random, null).Where(i => i.PerformedBy == Performer.Team))
        {
            var schedule = intervention.Schedule;
            var from = Minutes(schedule.WindowStart);
            var length = Minutes(schedule.WindowEnd) - from;
            var qualification = schedule.RequiredQualification?.ToString();
            if (schedule.Period == SchedulePeriod.Day)
            {
                var span = length / schedule.TimesPerPeriod;
                for (var k = 0; k < schedule.TimesPerPeriod; k++)
                {
                    var start = from + k * span;
                    yield return new VisitSpec($"{clientId}-v{serial++:00}", start, Math.Max(start, start + span - schedule.DurationMinutes),
                        schedule.DurationMinutes, qualification, schedule.TwoNurses, null);
                }
            }
            else
            {
                IReadOnlySet<DayOfWeek>? days = schedule.TimesPerPeriod >= 7 ? null : _faker.PickRandom(Week, schedule.TimesPerPeriod).ToHashSet();
                yield return new VisitSpec($"{clientId}-v{serial++:00}", from, Math.Max(from, from + length - schedule.DurationMinutes),
                    schedule.DurationMinutes, qualification, schedule.TwoNurses, days);
            }
        }
    }

    private int Near()
    {
        _points.Add((_hood.Centre.Latitude + Random.Double(-0.015, 0.015), _hood.Centre.Longitude + Random.Double(-0.025, 0.025)));
        return _points.Count - 1;
    }
}
