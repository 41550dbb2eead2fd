namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>
/// Generated district-nursing days in Utrecht: nurses on morning or day shifts from home, with
/// qualifications; visits with the windows and lengths of home care, some needing a qualification,
/// some double visits, some already with a nurse; a history of who visited whom.
/// </summary>
internal static class TeamDays
{
    private static readonly string[] Specialisms = ["WoundCare", "InjectionsAndMedication", "DiabetesCare", "PalliativeCare"];

    public static PlanningProblem Generate(int visits, int nurses, int seed)
    {
        var random = new Random(seed);
        var points = new List<(double, double)>();
        (double, double) Near() => (52.08 + random.NextDouble() * 0.04, 5.09 + random.NextDouble() * 0.07);

        var staff = new List<PlanNurse>();
        for (var n = 0; n < nurses; n++)
        {
            points.Add(Near());
            var qualifications = new HashSet<string> { "BasicCare", Specialisms[n % 3], Specialisms[(n + 1) % 3] };
            staff.Add(new PlanNurse($"nurse-{n}", n, n, 7 * 60, n % 2 == 0 ? 13 * 60 : 15 * 60, qualifications));
        }

        var tasks = new List<PlanTask>();
        var links = new List<TaskLink>();
        var history = new List<CareHistory>();
        for (var v = 0; tasks.Count < visits; v++)
        {
            points.Add(Near());
            var location = points.Count - 1;
            var client = $"client-{v}";
            var start = (7 + random.Next(0, 6)) * 60;
            var window = (start, start + 120 - 30);
            var qualification = random.NextDouble() < 0.4 ? Specialisms[random.Next(0, 3)] : "BasicCare";
            var minutes = new[] { 15, 20, 30, 45 }[random.Next(0, 4)];
            history.Add(new CareHistory(staff[random.Next(0, nurses)].Id, client, random.Next(1, 10)));
            if (random.NextDouble() < 0.1 && tasks.Count + 2 <= visits)
            {
                tasks.Add(new PlanTask($"{client}-a", client, location, window.start, window.Item2, minutes, "BasicCare"));
                tasks.Add(new PlanTask($"{client}-b", client, location, window.start, window.Item2, minutes, "BasicCare"));
                links.Add(new TaskLink($"{client}-a", $"{client}-b"));
            }
            else
            {
                var pinned = random.NextDouble() < 0.1 ? staff.FirstOrDefault(n => n.Qualifications.Contains(qualification))?.Id : null;
                tasks.Add(new PlanTask(client, client, location, window.start, window.Item2, minutes, qualification, pinned));
            }
        }

        return new PlanningProblem(tasks, staff, new GeoTravelTimes(points), links, PlanningWeights.HomeCare, history);
    }
}
