using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Planning;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Buurtzorg.Grains.Planning;

/// <summary>
/// Turns a team's day into a planning problem, asks the planner and sets its proposal beside the
/// rounds as they are. One per team, so a team plans one day at a time: a second nurse asking
/// for the same day (with no longer a limit) shares the planning under way, any other request
/// waits for it. The planner's CPU runs on the thread pool, not on Orleans' scheduler, and stops
/// when everyone waiting for it has gone.
/// </summary>
[Reentrant]
public sealed partial class RoundPlannerGrain(ILogger<RoundPlannerGrain> logger) : Grain, IRoundPlannerGrain
{
    private SharedPlanning? _current;

    public async ValueTask<RoundProposal> Propose(DateOnly date, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        while (_current is { IsRunning: true } running)
        {
            if (running.Date == date && running.TimeLimit >= timeLimit)
            {
                return await running.Join(cancellationToken);
            }

            await running.Finished.WaitAsync(cancellationToken);
        }

        var planning = _current = new SharedPlanning(date, timeLimit);
        planning.Start(stop => ProposeNow(date, timeLimit, stop));
        return await planning.Join(cancellationToken);
    }

    private async Task<RoundProposal> ProposeNow(DateOnly date, TimeSpan timeLimit, CancellationToken stop)
    {
        var teamId = this.GetPrimaryKey();
        var day = await TeamDay.Read(GrainFactory, teamId, date);
        var (result, now) = await Task.Run(
            () => (RoundPlanner.Plan(day.Problem, new PlanningOptions(timeLimit, stop)), RoundPlanner.Evaluate(day.Problem, day.CurrentOrder)),
            CancellationToken.None);
        if (stop.IsCancellationRequested)
        {
            LogStopped(logger, teamId, date, result.Stats.Elapsed.TotalSeconds);
        }

        var movedFrom = result.Moved.ToDictionary(m => m.TaskId, m => Guid.Parse(m.From));
        var rounds = day.Problem.Nurses.Select(n =>
        {
            var proposed = result.Rounds.Single(r => r.NurseId == n.Id);
            var current = now.Rounds.Single(r => r.NurseId == n.Id);
            var hadBefore = current.Stops.Select(s => day.VisitOf[s.TaskId]).ToHashSet();
            return new ProposedRound(
                Guid.Parse(n.Id),
                [.. proposed.Stops.Select(s => new ProposedStop(day.VisitOf[s.TaskId], TeamDay.Time(s.Start), TeamDay.Time(s.End), !hadBefore.Contains(day.VisitOf[s.TaskId]),
                    movedFrom.TryGetValue(s.TaskId, out var from) ? from : null))],
                Figures(day.Problem, current),
                Figures(day.Problem, proposed));
        }).ToList();

        return new RoundProposal(
            teamId,
            date,
            day.ScheduleVersion,
            rounds,
            [.. result.Unplaced.OrderBy(u => u.KeptBy is null).DistinctBy(u => day.VisitOf[u.TaskId]).Select(u => new UnplacedVisit(
                day.VisitOf[u.TaskId], u.Reason.ToString(), u.Explanation, u.KeptBy is { } kept ? Guid.Parse(kept) : null, u.NotKept?.ToString()))],
            Sum(rounds.Select(r => r.Now)),
            Sum(rounds.Select(r => r.Proposed)),
            result.Stats.Elapsed.TotalSeconds,
            result.Stats.Engine);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The planning of team {TeamId} for {Date} stopped after {Seconds:0.0} s: nobody waits for it any more")]
    private static partial void LogStopped(ILogger logger, Guid teamId, DateOnly date, double seconds);

    private static RoundFigures Figures(PlanningProblem problem, PlannedRound round)
    {
        var cost = PlanCosts.Count(problem, [round]);
        return new RoundFigures(round.Stops.Count, Math.Round(cost.Travel, 1), Math.Round(cost.Lateness, 1), cost.NewNurseClientPairs);
    }

    private static RoundFigures Sum(IEnumerable<RoundFigures> figures) => figures.Aggregate(
        new RoundFigures(0, 0, 0, 0),
        (a, b) => new RoundFigures(a.Visits + b.Visits, Math.Round(a.TravelMinutes + b.TravelMinutes, 1), Math.Round(a.LateMinutes + b.LateMinutes, 1), a.NewClients + b.NewClients));

    /// <summary>
    /// One planning and the requests waiting for it. It is stopped when the last of them has
    /// gone (a closed page, a cancelled request), and not before: one nurse giving up must not
    /// cut short the proposal a colleague still waits for.
    /// </summary>
    private sealed class SharedPlanning(DateOnly date, TimeSpan timeLimit)
    {
        private readonly CancellationTokenSource _stop = new();
        private Task<RoundProposal> _result = null!;
        private int _waiting;

        public DateOnly Date => date;

        public TimeSpan TimeLimit => timeLimit;

        public bool IsRunning => !_result.IsCompleted;

        /// <summary>Completes when the planning has ended, however it ended.</summary>
        public Task Finished => _result.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        public void Start(Func<CancellationToken, Task<RoundProposal>> plan) => _result = plan(_stop.Token);

        public async Task<RoundProposal> Join(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                return await _result.WaitAsync(cancellationToken);
            }
            finally
            {
                if (Interlocked.Decrement(ref _waiting) == 0 && !_result.IsCompleted)
                {
                    await _stop.CancelAsync();
                }
            }
        }
    }
}

/// <summary>
/// A team's day as a planning problem. Nurses on shift are those available that day (the
/// longest of her hours that day, not on leave), starting and ending at home; each open visit is
/// one task per nurse it needs, a double visit's two halves linked to start together; what a
/// nurse already has is pinned to her; the schedule's care bonds are the history.
/// </summary>
internal sealed record TeamDay(PlanningProblem Problem, long ScheduleVersion, IReadOnlyDictionary<string, Guid> VisitOf, IReadOnlyDictionary<string, IReadOnlyList<string>> CurrentOrder)
{
    public static TimeOnly Time(double minutes) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Clamp(minutes, 0, 24 * 60 - 1)));

    private static double Minutes(TimeOnly time) => time.ToTimeSpan().TotalMinutes;

    public static async Task<TeamDay> Read(IGrainFactory grains, Guid teamId, DateOnly date)
    {
        var team = await grains.GetGrain<ITeamGrain>(teamId).Get() ?? throw new InvalidOperationException($"There is no team {teamId}.");
        var schedule = grains.GetGrain<ITeamScheduleGrain>(teamId);
        var view = await schedule.GetVisits(date, date);
        var bonds = await schedule.GetCareBonds();
        var points = new List<(double Latitude, double Longitude)>();

        var nurses = new List<PlanNurse>();
        foreach (var member in team.Nurses)
        {
            if (await grains.GetGrain<INurseGrain>(member.NurseId).Get() is not { } nurse
                || nurse.Absences.Any(a => a.From <= date && date <= a.To)
                || nurse.Profile.WeeklyAvailability.Where(s => s.Day == date.DayOfWeek).MaxBy(s => s.To - s.From) is not { } shift)
            {
                continue;
            }

            points.Add((nurse.Profile.Home.Latitude, nurse.Profile.Home.Longitude));
            nurses.Add(new PlanNurse(nurse.Id.ToString(), points.Count - 1, points.Count - 1, Minutes(shift.From), Minutes(shift.To),
                nurse.Profile.Qualifications.Select(q => q.ToString()).ToHashSet()));
        }

        var onShift = nurses.Select(n => Guid.Parse(n.Id)).ToHashSet();
        var locationOf = new Dictionary<Guid, int>();
        var tasks = new List<PlanTask>();
        var links = new List<TaskLink>();
        var visitOf = new Dictionary<string, Guid>();
        var order = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var visit in view.Visits.Where(v => v.Status == VisitStatus.Open))
        {
            if (!locationOf.TryGetValue(visit.ClientId, out var location))
            {
                var client = await grains.GetGrain<IClientGrain>(visit.ClientId).Get();
                points.Add(client is null ? points.FirstOrDefault() : (client.Details.Address.Location.Latitude, client.Details.Address.Location.Longitude));
                location = locationOf[visit.ClientId] = points.Count - 1;
            }

            var halves = new List<string>();
            for (var half = 0; half < visit.NursesNeeded; half++)
            {
                var id = $"{visit.Id:N}-{half}";
                var pinned = half < visit.AssignedNurses.Count ? visit.AssignedNurses[half] : (Guid?)null;
                tasks.Add(new PlanTask(id, visit.ClientId.ToString(), location, Minutes(visit.WindowStart),
                    Math.Max(Minutes(visit.WindowStart), Minutes(visit.WindowEnd) - visit.DurationMinutes), visit.DurationMinutes,
                    visit.RequiredQualification?.ToString(), pinned?.ToString()));
                visitOf[id] = visit.Id;
                halves.Add(id);
            }

            if (halves.Count == 2)
            {
                links.Add(new TaskLink(halves[0], halves[1]));
            }
        }

        foreach (var nurseId in onShift)
        {
            var round = await schedule.GetRound(nurseId, date);
            order[nurseId.ToString()] = [.. round.Stops.Where(s => s.Visit.Status == VisitStatus.Open)
                .Select(s => tasks.First(t => visitOf[t.Id] == s.Visit.Id && t.PinnedNurse == nurseId.ToString()).Id)];
        }

        var history = bonds.Select(b => new CareHistory(b.NurseId.ToString(), b.ClientId.ToString(), b.Visits)).ToList();
        var problem = new PlanningProblem(tasks, nurses, new GeoTravelTimes(points), links, PlanningWeights.HomeCare, history);
        return new TeamDay(problem, view.Version, visitOf, order);
    }
}
