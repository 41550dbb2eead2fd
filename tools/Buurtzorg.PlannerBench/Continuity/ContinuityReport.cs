namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>A task done: whose, by whom, when it started (minutes from midnight).</summary>
internal sealed record RealisedVisit(string ClientId, string NurseId, double Start);

/// <summary>What one strategy's run of one team leaves to be counted: the realised days, and the proposals' own figures.</summary>
internal sealed class TeamOutcome
{
    public List<RealisedVisit> Visits { get; } = [];

    public Dictionary<string, double> WorkedMinutes { get; } = new(StringComparer.Ordinal);

    public List<double> PlanningMilliseconds { get; } = [];

    public List<string> Failures { get; } = [];

    public int ProposalsRefused { get; set; }

    public int RealisedDaysRefused { get; set; }

    public double Travel { get; set; }

    public double Lateness { get; set; }

    public double MaxLateness { get; set; }

    public double ProposedTravel { get; set; }

    public double ProposedLateness { get; set; }

    public int UnplacedNoRoom { get; set; }

    public int UnplacedOther { get; set; }

    public int DayVisits { get; set; }

    public int HandAttempted { get; set; }

    public int HandMade { get; set; }
}

/// <summary>
/// The metrics over the realised days, as Markdown. Per client, counted over the tasks done (a
/// double visit once for each of its two nurses) and only for clients with enough of them to say
/// something: how many different nurses, the share of the most frequent one, and the same for
/// each part of the day pooled (a client who sees Anna every morning and Bea every evening is
/// well served). Per team: realised travel and lateness, unplaced visits (no room, against nobody
/// qualified or on shift), and how evenly work fell against contracts.
/// </summary>
internal static class ContinuityReport
{
    private const int MinVisits = 5;
    private const double MorningEnds = 12 * 60 + 30;
    private const double AfternoonEnds = 17 * 60;

    // A leaver's last days or a newcomer's first say little about how the work is spread.
    private const int MinAvailableDays = 7;

    public static void Write(
        TextWriter output, ContinuityOptions options, IReadOnlyList<TeamScript> teams, IReadOnlyList<Strategy> strategies,
        IReadOnlyList<IReadOnlyList<TeamOutcome>> outcomes, TimeSpan elapsed)
    {
        void Line(FormattableString text) => output.WriteLine(FormattableString.Invariant(text));

        var facts = teams.Select(t => t.Facts).ToList();
        var teamDays = teams.Sum(t => t.Days.Count);
        var visitsPerDay = teams.SelectMany(t => t.Days).Select(d => d.Visits).ToList();
        Line($"# Care continuity: {teams.Count} teams, {options.Days} days, planner {options.Seconds} s per team day, seed {options.Seed}");
        Line($"");
        Line($"- Nurses per team at the start: {facts.Min(f => f.NursesAtStart)}-{facts.Max(f => f.NursesAtStart)} (mean {facts.Average(f => f.NursesAtStart):F1}); {facts.Sum(f => f.Newcomers)} nurses left and were replaced; on shift per team day: {teams.SelectMany(t => t.Days).Average(d => d.Problem.Nurses.Count):F1}");
        Line($"- Clients per team at the start: {facts.Min(f => f.ClientsAtStart)}-{facts.Max(f => f.ClientsAtStart)} (mean {facts.Average(f => f.ClientsAtStart):F1}); their visits {facts.Average(f => f.LoadShare):P0} of the rota's minutes; {facts.Sum(f => f.Admitted)} admitted and {facts.Sum(f => f.Discharged)} discharged later, {facts.Sum(f => f.PlanChanges)} care-plan changes");
        Line($"- Visits per team day: mean {visitsPerDay.Average():F1} ({visitsPerDay.Min()}-{visitsPerDay.Max()}), {teamDays} team days");
        Line($"- Shifts lost to illness: {facts.Sum(f => f.ShiftsLost)} of {facts.Sum(f => f.RosteredShifts)} rostered ({(double)facts.Sum(f => f.ShiftsLost) / Math.Max(1, facts.Sum(f => f.RosteredShifts)):P1})");
        foreach (var (strategy, runs) in strategies.Zip(outcomes))
        {
            var attempted = runs.Sum(r => r.HandAttempted);
            var made = runs.Sum(r => r.HandMade);
            Line($"- Hand moves, {strategy.Name}: {made} made of {attempted} attempted ({(double)made / Math.Max(1, runs.Sum(r => r.DayVisits)):P1} of visits)");
        }

        var clientsEver = facts.Sum(f => f.ClientsEver);
        var countedIds = Clients(outcomes[0].SelectMany(o => o.Visits)).Select(c => c.ClientId).ToList();
        var counted = countedIds.Count;
        var coverable = ContinuityBound.CoverableByThree(teams);
        Line($"- Clients whose every visit some three nurses could have done (who was on shift, qualifications, two for a double visit; room in rounds ignored): {(double)countedIds.Count(coverable.Contains) / Math.Max(1, counted):P0} of the {counted} counted below");
        Line($"");
        Line($"Per client: the {counted} of {clientsEver} clients with at least {MinVisits} realised visits (a double visit counts once for each nurse). Travel, lateness and hours are of the realised days (after hand moves); unplaced visits are the proposals' (hand moves leave them). Ratio to travel-only: to planner w=0.");
        Line($"");
        Line($"| strategy | clients seeing ≤ 3 nurses | mean different nurses | median | most frequent nurse's share | same nurse, same part of day | travel h (× travel-only) | lateness min (max) | unplaced NoRoom / other | hours/contract: mean abs. deviation (min-max) | planning ms per team day, median |");
        Line($"|---|---|---|---|---|---|---|---|---|---|---|");
        var travelOnly = strategies.Zip(outcomes).FirstOrDefault(x => x.First.Continuity == 0).Second?.Sum(o => o.Travel);
        foreach (var (strategy, runs) in strategies.Zip(outcomes))
        {
            var clients = Clients(runs.SelectMany(o => o.Visits));
            var travel = runs.Sum(o => o.Travel);
            var ratio = travelOnly is > 0 ? FormattableString.Invariant($"{travel / travelOnly.Value:F2}") : "–";
            var (deviation, least, most) = Spread(teams, runs);
            Line($"| {strategy.Name} | {(double)clients.Count(c => c.Nurses <= 3) / Math.Max(1, clients.Count):P0} | {Mean(clients.Select(c => (double)c.Nurses)):F2} | {Median(clients.Select(c => (double)c.Nurses)):F1} | {Mean(clients.Select(c => c.TopShare)):P0} | {Mean(clients.Select(c => c.PartShare)):P0} | {travel / 60:F0} ({ratio}) | {runs.Sum(o => o.Lateness):F0} ({runs.Max(o => o.MaxLateness):F0}) | {runs.Sum(o => o.UnplacedNoRoom)} / {runs.Sum(o => o.UnplacedOther)} | {deviation:F3} ({least:F2}-{most:F2}) | {Median(runs.SelectMany(o => o.PlanningMilliseconds)):F0} |");
        }

        Line($"");
        Line($"Different nurses per client (clients with at least {MinVisits} visits):");
        Line($"");
        foreach (var (strategy, runs) in strategies.Zip(outcomes))
        {
            var clients = Clients(runs.SelectMany(o => o.Visits));
            var parts = Enumerable.Range(1, 6).Select(n => (Label: n < 6 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "6+", Count: clients.Count(c => n < 6 ? c.Nurses == n : c.Nurses >= 6)))
                .Select(x => FormattableString.Invariant($"{x.Label}: {x.Count} ({(double)x.Count / Math.Max(1, clients.Count):P0})"));
            Line($"- {strategy.Name}: {string.Join(" · ", parts)}");
        }

        Line($"");
        Line($"| strategy | proposed travel h | proposed lateness min | realised travel min per task | checker refusals: proposals / realised days |");
        Line($"|---|---|---|---|---|");
        foreach (var (strategy, runs) in strategies.Zip(outcomes))
        {
            Line($"| {strategy.Name} | {runs.Sum(o => o.ProposedTravel) / 60:F0} | {runs.Sum(o => o.ProposedLateness):F0} | {runs.Sum(o => o.Travel) / Math.Max(1, runs.Sum(o => o.Visits.Count)):F1} | {runs.Sum(o => o.ProposalsRefused)} / {runs.Sum(o => o.RealisedDaysRefused)} |");
        }

        var failures = outcomes.SelectMany(o => o).SelectMany(o => o.Failures).ToList();
        if (failures.Count > 0)
        {
            Line($"");
            Line($"Plans the checker refused ({failures.Count}; the first ten):");
            foreach (var failure in failures.Take(10))
            {
                Line($"- {failure}");
            }
        }

        Line($"");
        Line($"Run time {elapsed:mm\\:ss} on {Environment.ProcessorCount} cores, {options.Threads} teams at a time.");
    }

    private sealed record ClientFigures(string ClientId, int Nurses, double TopShare, double PartShare);

    private static List<ClientFigures> Clients(IEnumerable<RealisedVisit> visits) =>
        [.. visits.GroupBy(v => v.ClientId, StringComparer.Ordinal).Where(g => g.Count() >= MinVisits).Select(g => new ClientFigures(
            g.Key,
            g.Select(v => v.NurseId).Distinct(StringComparer.Ordinal).Count(),
            (double)Most(g) / g.Count(),
            (double)g.GroupBy(v => Part(v.Start)).Sum(Most) / g.Count()))];

    private static int Most(IEnumerable<RealisedVisit> visits) => visits.GroupBy(v => v.NurseId, StringComparer.Ordinal).Max(n => n.Count());

    private static int Part(double start) => start < MorningEnds ? 0 : start < AfternoonEnds ? 1 : 2;

    /// <summary>
    /// Per nurse, minutes worked (visits and travel) over her contract's minutes for the days she
    /// was in the team and not ill; per team the mean absolute deviation from the team's mean,
    /// averaged over teams; and the lowest and highest ratio of any nurse.
    /// </summary>
    private static (double Deviation, double Min, double Max) Spread(IReadOnlyList<TeamScript> teams, IReadOnlyList<TeamOutcome> runs)
    {
        var deviations = new List<double>();
        var all = new List<double>();
        foreach (var (team, run) in teams.Zip(runs))
        {
            var ratios = team.Nurses.Where(n => n.AvailableDays >= MinAvailableDays && n.ContractHours > 0)
                .Select(n => run.WorkedMinutes.GetValueOrDefault(n.Id) / ((double)n.ContractHours * 60 / 7 * n.AvailableDays)).ToList();
            if (ratios.Count == 0)
            {
                continue;
            }

            var mean = ratios.Average();
            deviations.Add(ratios.Average(r => Math.Abs(r - mean)));
            all.AddRange(ratios);
        }

        return all.Count == 0 ? (double.NaN, double.NaN, double.NaN) : (deviations.Average(), all.Min(), all.Max());
    }

    private static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Average();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
