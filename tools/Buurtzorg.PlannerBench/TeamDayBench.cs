using Bogus;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Demo;
using Buurtzorg.Planning;
using Buurtzorg.Planning.Checking;
using Buurtzorg.Tools;

namespace Buurtzorg.PlannerBench;

/// <summary>
/// Time to the first feasible plan of a team day shaped like the demo region's: clients in one
/// of its neighbourhoods with the demo's care patterns (so its windows, lengths, qualifications
/// and double visits), nurses with the demo's qualifications and morning or evening shifts,
/// until the day holds the asked number of visits, and a care history of four weeks (each client's
/// own nurse, a second and a third). Options: <see cref="PlannerBenchCommand"/>.
/// </summary>
internal static class TeamDayBench
{
    private static readonly int[] HistoryVisits = [12, 6, 2];

    public static int Run(TeamDayOptions options)
    {
        var (visits, nurses, days, seconds) = (options.Visits, options.Nurses, options.Days, options.PlanSeconds);
        var progress = new ProgressLine("team days", days);

        var firsts = new List<double>();
        var elapsed = new List<double>();
        var infeasible = 0;
        double travel = 0, lateness = 0, weighted = 0;
        var unplaced = 0;
        var strangers = 0;
        for (var seed = 1; seed <= days; seed++)
        {
            var problem = Day(visits, nurses, seed);
            var result = RoundPlanner.Plan(problem, new PlanningOptions(TimeSpan.FromSeconds(seconds)));
            infeasible += PlanChecker.Check(problem, result).Feasible ? 0 : 1;
            firsts.Add(result.Stats.FirstFeasibleAfter?.TotalMilliseconds ?? double.PositiveInfinity);
            elapsed.Add(result.Stats.Elapsed.TotalMilliseconds);
            (travel, lateness, weighted) = (travel + result.Cost.Travel, lateness + result.Cost.Lateness, weighted + result.Cost.Weighted);
            unplaced += result.Unplaced.Count;
            strangers += result.Cost.NewNurseClientPairs;
            progress.Report(seed);
        }

        firsts.Sort();
        Console.WriteLine($"| team days | visits | nurses | limit | first feasible plan, median | max | whole proposal, median | max | travel per day | lateness per day | nurses new to a client per day | weighted cost per day | unplaced | plans the checker refused |");
        Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {days} | {visits} | {nurses} | {seconds:0.##} s | {firsts[firsts.Count / 2]:F0} ms | {firsts[^1]:F0} ms | {elapsed.Order().ElementAt(elapsed.Count / 2):F0} ms | {elapsed.Max():F0} ms | " +
            $"{travel / days:F1} min | {lateness / days:F1} min | {(double)strangers / days:F1} | {weighted / days:F1} | {unplaced} | {infeasible} |");
        return infeasible == 0 ? 0 : 1;
    }

    private static PlanningProblem Day(int visits, int nurseCount, int seed)
    {
        var faker = new Faker("nl") { Random = new Randomizer(seed) };
        var hood = DemoGeography.Neighbourhoods[seed % DemoGeography.Neighbourhoods.Count];
        var points = new List<(double Latitude, double Longitude)>();
        (double, double) Near() => (hood.Centre.Latitude + faker.Random.Double(-0.015, 0.015), hood.Centre.Longitude + faker.Random.Double(-0.025, 0.025));

        string[] specialisms = ["WoundCare", "InjectionsAndMedication", "DiabetesCare", "PalliativeCare", "CatheterAndStomaCare"];
        var nurses = new List<PlanNurse>();
        for (var n = 0; n < nurseCount; n++)
        {
            points.Add(Near());
            var morning = n < (nurseCount * 4 + 4) / 5;
            nurses.Add(new PlanNurse($"nurse-{n}", n, n, morning ? 7 * 60 : 16 * 60 + 30, morning ? 12 * 60 + 30 : 22 * 60,
                new HashSet<string>(["BasicCare", .. faker.PickRandom(specialisms, faker.Random.Int(1, 3))])));
        }

        var tasks = new List<PlanTask>();
        var links = new List<TaskLink>();
        for (var c = 0; tasks.Count < visits; c++)
        {
            points.Add(Near());
            var client = $"client-{c}";
            var weights = CarePatterns.All.Select(p => (float)p.Weight).ToArray();
            var pattern = faker.Random.WeightedRandom([.. CarePatterns.All], weights);
            foreach (var intervention in pattern.Interventions(faker.Random, null).Where(i => i.PerformedBy == Performer.Team))
            {
                var schedule = intervention.Schedule;
                var times = schedule.Period == SchedulePeriod.Day ? schedule.TimesPerPeriod : faker.Random.Double() < schedule.TimesPerPeriod / 7.0 ? 1 : 0;
                var span = (schedule.WindowEnd - schedule.WindowStart).TotalMinutes / Math.Max(1, times);
                for (var k = 0; k < times && tasks.Count < visits; k++)
                {
                    var from = schedule.WindowStart.ToTimeSpan().TotalMinutes + k * span;
                    var latest = Math.Max(from, from + span - schedule.DurationMinutes);
                    var id = $"{client}-{intervention.Id:N}-{k}";
                    tasks.Add(new PlanTask(id, client, points.Count - 1, from, latest, schedule.DurationMinutes, schedule.RequiredQualification?.ToString()));
                    if (schedule.TwoNurses)
                    {
                        tasks.Add(new PlanTask(id + "-2", client, points.Count - 1, from, latest, schedule.DurationMinutes, schedule.RequiredQualification?.ToString()));
                        links.Add(new TaskLink(id, id + "-2"));
                    }
                }
            }
        }

        // Four weeks behind the day: each client has a nurse of her own, a second and a third
        // who stood in, so that continuity weighs in every choice as in a team's real day.
        var history = tasks.Select(t => t.ClientId).Distinct()
            .SelectMany(client => faker.PickRandom(nurses, 3).Select((n, i) => new CareHistory(n.Id, client, HistoryVisits[i])))
            .ToList();
        return new PlanningProblem(tasks, nurses, new GeoTravelTimes(points), links, PlanningWeights.HomeCare, history);
    }
}
