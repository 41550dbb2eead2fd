using Buurtzorg.Planning;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// One scripted day of a team: the day's planning problem without weights or history (each
/// strategy adds its own), which task belongs to which visit (a double visit's two halves to the
/// first), and how many visits that is.
/// </summary>
internal sealed record ScriptedDay(int Day, PlanningProblem Problem, IReadOnlyDictionary<string, string> VisitOf, int Visits);

/// <summary>A nurse's side of the hours count: her contract and the days she was in the team and not ill.</summary>
internal sealed record NurseDays(string Id, decimal ContractHours, int AvailableDays);

/// <summary>What the script did to a team, for the region facts at the top of the report.</summary>
internal sealed record TeamFacts(
    int NursesAtStart, int Newcomers, int ClientsAtStart, int ClientsEver, int RosteredShifts, int ShiftsLost,
    int Admitted, int Discharged, int PlanChanges, double LoadShare);

internal sealed record TeamScript(int Index, string Name, IReadOnlyList<ScriptedDay> Days, IReadOnlyList<NurseDays> Nurses, TeamFacts Facts);

/// <summary>
/// A team's whole run of days, disturbances and all, drawn before any planning: every strategy
/// then replays the same days, so what differs between them is only what they decide. Illness:
/// each rostered shift starts a sickness with the chance that loses about 5% of shifts, 70% of
/// them for the day and 30% for a week. Weekly (days 7, 14, 21, ...): two or three clients leave
/// and two or three come. Each week two to four care-plan changes. One nurse leaves on a day of
/// week two or three; a new one takes her contract and place in the rota the day after.
/// </summary>
internal static class DisturbanceScript
{
    private const double LostShiftShare = 0.05;
    private const double OneDayShare = 0.7;
    private const int LongSicknessDays = 7;

    public static TeamScript Make(SimulatedTeam team, int days)
    {
        var random = team.Random;
        var nursesAtStart = team.Nurses.Count;
        var clientsAtStart = team.Clients.Count;
        var leaveDay = random.Int(7, 20);
        var leaver = random.Int(0, team.Nurses.Count - 1);
        var changeDays = Enumerable.Range(0, (days + 6) / 7).SelectMany(week => Enumerable.Range(0, random.Int(2, 4)).Select(_ => week * 7 + random.Int(0, 6))).ToList();

        var illUntil = new Dictionary<string, int>(StringComparer.Ordinal);
        var available = new Dictionary<string, NurseDays>(StringComparer.Ordinal);
        string? gone = null;
        int rostered = 0, lost = 0, admitted = 0, discharged = 0, changes = 0, newcomers = 0;
        var planned = new List<(int Day, List<PlanNurse> Nurses, List<PlanTask> Tasks, List<TaskLink> Links, Dictionary<string, string> VisitOf, int Visits)>();
        for (var day = 0; day < days; day++)
        {
            var weekday = SimulatedTeam.Week[day % 7];
            if (day > 0 && day % 7 == 0)
            {
                for (var k = random.Int(2, 3); k > 0 && team.Clients.Count > 0; k--, discharged++)
                {
                    team.Clients.RemoveAt(random.Int(0, team.Clients.Count - 1));
                }

                for (var k = random.Int(2, 3); k > 0; k--, admitted++)
                {
                    team.Clients.Add(team.NewClient());
                }
            }

            foreach (var _ in changeDays.Where(d => d == day))
            {
                var at = random.Int(0, team.Clients.Count - 1);
                team.Clients[at] = team.ChangedPlan(team.Clients[at]);
                changes++;
            }

            if (day == leaveDay)
            {
                gone = team.Nurses[leaver].Id;
            }
            else if (day == leaveDay + 1)
            {
                // The newcomer takes the leaver's place in the list, so the rota made again gives
                // her the leaver's shifts and leaves everyone else's as they were.
                team.Nurses[leaver] = team.NewNurse(team.Nurses[leaver].ContractHours);
                team.Roster();
                gone = null;
                newcomers++;
            }

            var onShift = new List<PlanNurse>();
            foreach (var nurse in team.Nurses.Where(n => n.Id != gone))
            {
                if (nurse.Rota.TryGetValue(weekday, out var shift))
                {
                    rostered++;
                    if (illUntil.GetValueOrDefault(nurse.Id, -1) < day && random.Double() < SicknessChance(nurse))
                    {
                        illUntil[nurse.Id] = day + (random.Double() < OneDayShare ? 0 : LongSicknessDays - 1);
                    }

                    if (illUntil.GetValueOrDefault(nurse.Id, -1) >= day)
                    {
                        lost++;
                    }
                    else
                    {
                        onShift.Add(new PlanNurse(nurse.Id, nurse.Home, nurse.Home, SimulatedTeam.Minutes(shift.From), SimulatedTeam.Minutes(shift.To), nurse.Qualifications));
                    }
                }

                var sofar = available.GetValueOrDefault(nurse.Id) ?? new NurseDays(nurse.Id, nurse.ContractHours, 0);
                available[nurse.Id] = illUntil.GetValueOrDefault(nurse.Id, -1) >= day ? sofar : sofar with { AvailableDays = sofar.AvailableDays + 1 };
            }

            var tasks = new List<PlanTask>();
            var links = new List<TaskLink>();
            var visitOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var visits = 0;
            foreach (var client in team.Clients)
            {
                foreach (var visit in client.Visits.Where(v => v.On(weekday)))
                {
                    var id = $"d{day:00}-{visit.Id}";
                    tasks.Add(new PlanTask(id, client.Id, client.Location, visit.From, visit.Latest, visit.Duration, visit.Qualification));
                    visitOf[id] = id;
                    visits++;
                    if (visit.TwoNurses)
                    {
                        tasks.Add(new PlanTask(id + "-b", client.Id, client.Location, visit.From, visit.Latest, visit.Duration, visit.Qualification));
                        links.Add(new TaskLink(id, id + "-b"));
                        visitOf[id + "-b"] = id;
                    }
                }
            }

            planned.Add((day, onShift, tasks, links, visitOf, visits));
        }

        // Every place is known only now (newcomers and new clients came during the script).
        var travel = team.Travel();
        var scripted = planned.Select(p => new ScriptedDay(p.Day, new PlanningProblem(p.Tasks, p.Nurses, travel, p.Links), p.VisitOf, p.Visits)).ToList();
        var facts = new TeamFacts(nursesAtStart, newcomers, clientsAtStart, team.ClientsEver, rostered, lost, admitted, discharged, changes, team.LoadShare);
        return new TeamScript(team.Index, team.Name, scripted, [.. available.Values], facts);
    }

    /// <summary>
    /// The chance a rostered shift starts a sickness so that <see cref="LostShiftShare"/> of shifts
    /// are lost: a sickness loses one shift, or for a week as many as she works a week, and an ill
    /// nurse does not fall ill again, so the lost share is pL / (pL + 1 - p).
    /// </summary>
    private static double SicknessChance(SimNurse nurse)
    {
        var shiftsPerSickness = OneDayShare + (1 - OneDayShare) * nurse.Rota.Count;
        return LostShiftShare / (shiftsPerSickness * (1 - LostShiftShare) + LostShiftShare);
    }
}
