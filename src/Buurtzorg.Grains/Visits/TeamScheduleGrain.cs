using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Grains.Idempotency;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Visits;

public sealed partial class TeamScheduleGrain(
    [PersistentState("team-schedule", GrainStorage.Name)] IPersistentState<TeamScheduleState> schedule,
    TimeProvider clock,
    ILogger<TeamScheduleGrain> logger) : Grain, ITeamScheduleGrain, IKeepsOutcomes
{
    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    // Done and past visits stay four weeks (they feed the team's hours), then go.
    private const int DaysKeptAfter = 28;

    /// <summary>The whole schedule in memory; what is stored of it, and where, is in TeamScheduleGrain.Days.cs.</summary>
    private TeamScheduleState State => _state;

    // What coverage was last told, in memory only: a new activation tells it once more.
    private List<VisitNeed>? _reportedNeeds;

    private FollowUps? _followUps;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    public async ValueTask<long> SyncClient(Guid clientId, IReadOnlyList<Intervention> interventions)
    {
        await Change(change =>
        {
            var today = DutchCalendar.Today(clock);
            var teamWork = interventions.Where(i => i.PerformedBy == Performer.Team).ToList();
            var before = State.ClientInterventions.GetValueOrDefault(clientId) ?? [];
            if (teamWork.Count == 0)
            {
                State.ClientInterventions.Remove(clientId);
            }
            else
            {
                State.ClientInterventions[clientId] = teamWork;
            }

            change.Visits.UnionWith(Reconcile(clientId, teamWork, today));
            change.Visits.UnionWith(RollHorizon(today));
            if (change.Visits.Count > 0 || !before.SequenceEqual(teamWork))
            {
                change.Clients.Add(clientId);
            }
        });
        return State.Version;
    }

    public async ValueTask<ScheduleView> GetVisits(DateOnly from, DateOnly to)
    {
        await Change(change => change.Visits.UnionWith(RollHorizon(DutchCalendar.Today(clock))));
        return new ScheduleView(
            this.GetPrimaryKey(),
            State.Version,
            from,
            to,
            [.. State.Visits.Where(v => v.Date >= from && v.Date <= to).OrderBy(v => v.Date).ThenBy(v => v.WindowStart).ThenBy(v => v.ClientId)]);
    }

    public ValueTask<IReadOnlyList<CareBondCount>> GetCareBonds() => ValueTask.FromResult<IReadOnlyList<CareBondCount>>(
        [.. State.Visits
            .Where(v => v.Status != VisitStatus.Cancelled)
            .SelectMany(v => v.AssignedNurses.Select(n => (Nurse: n, v.ClientId)))
            .GroupBy(b => b)
            .Select(g => new CareBondCount(g.Key.Nurse, g.Key.ClientId, g.Count()))]);

    public async ValueTask<TeamContinuity> GetContinuity()
    {
        var today = DutchCalendar.Today(clock);
        await Change(change => change.Visits.UnionWith(RollHorizon(today)));
        static int[] NursesPerClient(IEnumerable<Visit> visits) => [.. visits
            .SelectMany(v => v.AssignedNurses.Select(n => (v.ClientId, Nurse: n)))
            .Distinct()
            .GroupBy(b => b.ClientId)
            .Select(g => g.Count())
            .Order()];
        var monday = CapacityHistory.WeekOf(today);
        return new TeamContinuity(
            NursesPerClient(State.Visits.Where(v => v.Status == VisitStatus.Done && v.Date >= today.AddDays(-DaysKeptAfter) && v.Date <= today)),
            NursesPerClient(State.Visits.Where(v => v.Status == VisitStatus.Open && v.Date >= today)),
            State.Visits.Count(v => v.Date >= monday && v.Date < monday.AddDays(7) && v.Status is VisitStatus.Open or VisitStatus.Done),
            State.ClientInterventions.Count);
    }

    public ValueTask<IReadOnlyList<ClientDemand>> GetClientDemand() => ValueTask.FromResult<IReadOnlyList<ClientDemand>>(
        [.. State.ClientInterventions.Select(c => new ClientDemand(c.Key, HoursPerWeek(c.Value)))]);

    /// <summary>On a new day, extend every client's visits to the new end of the horizon.</summary>
    private List<Guid> RollHorizon(DateOnly today)
    {
        if (State.GeneratedFrom >= today)
        {
            return [];
        }

        State.GeneratedFrom = today;
        State.Visits.RemoveAll(v => v.Date < today.AddDays(-DaysKeptAfter));
        State.Rounds.RemoveAll(r => r.Date < today.AddDays(-DaysKeptAfter));
        var forgotten = State.Removed.FindLastIndex(r => r.Date < today.AddDays(-DaysKeptAfter));
        if (forgotten >= 0)
        {
            // Watchers further behind than the oldest removal still known get the whole schedule.
            State.RemovalsKnownSince = State.Removed[forgotten].Version;
            State.Removed.RemoveRange(0, forgotten + 1);
        }
        return [.. State.ClientInterventions.SelectMany(c => Reconcile(c.Key, c.Value, today))];
    }

    /// <summary>
    /// Makes the client's open visits from today on match the interventions. A visit that is no
    /// longer wanted goes if nobody has it, and is cancelled and marked if a nurse has it; a
    /// visit whose time, length or needs changed is updated and marked. Returns what changed.
    /// </summary>
    private List<Guid> Reconcile(Guid clientId, IReadOnlyList<Intervention> interventions, DateOnly today)
    {
        var wanted = VisitPattern.Visits(interventions, today, ScheduleHorizon.Days)
            .ToDictionary(w => (w.Lead.Id, w.Occurrence.Date, w.Occurrence.Index));
        var changed = new List<Guid>();

        for (var i = State.Visits.Count - 1; i >= 0; i--)
        {
            var visit = State.Visits[i];
            if (visit.ClientId != clientId || visit.Date < today || visit.Status != VisitStatus.Open)
            {
                continue;
            }

            var key = (visit.InterventionId, visit.Date, visit.Occurrence);
            if (wanted.Remove(key, out var want))
            {
                var updated = Shape(visit, want);
                if (updated != visit)
                {
                    State.Visits[i] = updated with { Mark = VisitMark.ChangedByCarePlan };
                    changed.Add(visit.Id);
                }
            }
            else
            {
                if (visit.AssignedNurses.Count == 0)
                {
                    State.Visits.RemoveAt(i);
                }
                else
                {
                    State.Visits[i] = visit with { Status = VisitStatus.Cancelled, Mark = VisitMark.NoLongerInCarePlan };
                }

                changed.Add(visit.Id);
            }
        }

        foreach (var want in wanted.Values)
        {
            var visit = Shape(
                new Visit(Guid.NewGuid(), clientId, want.Lead.Id, want.Occurrence.Date, want.Occurrence.Index, default, default, 0, null, 1, [], VisitStatus.Open, VisitMark.None, 0),
                want);
            State.Visits.Add(visit);
            changed.Add(visit.Id);
        }

        return changed;
    }

    /// <summary>Hours a week the team's interventions ask, counting both nurses of a double visit.</summary>
    private decimal DemandHoursPerWeek() => HoursPerWeek(State.ClientInterventions.Values.SelectMany(i => i));

    private static decimal HoursPerWeek(IEnumerable<Intervention> interventions) => interventions
        .Sum(i => (i.Schedule.Period == SchedulePeriod.Day ? 7 : 1) * i.Schedule.TimesPerPeriod * i.Schedule.DurationMinutes * (i.Schedule.TwoNurses ? 2 : 1)) / 60m;

    /// <summary>Nurse hours of open visits that still lack a nurse.</summary>
    private decimal OpenVisitHours() => State.Visits
        .Where(v => v.Status == VisitStatus.Open && v.AssignedNurses.Count < v.NursesNeeded)
        .Sum(v => v.DurationMinutes * (v.NursesNeeded - v.AssignedNurses.Count)) / 60m;

    /// <summary>Nurse hours reported as done this week (Monday to Sunday), both nurses of a double visit.</summary>
    private decimal ConfirmedHoursThisWeek(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return State.Visits
            .Where(v => v.Status == VisitStatus.Done && v.Date >= monday && v.Date <= today && v.Report is not null)
            .Sum(v => v.Report!.DurationMinutes * Math.Max(1, v.AssignedNurses.Count)) / 60m;
    }

    /// <summary>
    /// Direct client hours of this week (Monday to Sunday): the reported length of visits done, the
    /// planned length of visits not yet reported; not-done and cancelled visits count nothing.
    /// </summary>
    private decimal VisitHoursThisWeek(DateOnly today)
    {
        var monday = CapacityHistory.WeekOf(today);
        return State.Visits
            .Where(v => v.Date >= monday && v.Date < monday.AddDays(7))
            .Sum(v => v.Status switch
            {
                VisitStatus.Done when v.Report is not null => v.Report.DurationMinutes * Math.Max(1, v.AssignedNurses.Count),
                VisitStatus.Done or VisitStatus.Open => v.DurationMinutes * v.NursesNeeded,
                _ => 0,
            }) / 60m;
    }

    private static Visit Shape(Visit visit, CombinedVisit want)
    {
        var with = want.With.Select(i => i.Id).ToList();
        return visit with
        {
            WindowStart = want.WindowStart,
            WindowEnd = want.WindowEnd,
            DurationMinutes = want.DurationMinutes,
            RequiredQualification = want.RequiredQualification,
            NursesNeeded = want.NursesNeeded,
            // The same list kept as it is, so an unchanged visit compares equal and is not marked.
            WithInterventionIds = with.SequenceEqual(visit.WithInterventionIds ?? []) ? visit.WithInterventionIds : with.Count == 0 ? null : with,
        };
    }

    /// <summary>The horizon's visits still to be done or done, counted by what they ask: coverage needs no client.</summary>
    private List<VisitNeed> Needs(DateOnly today) => [.. State.Visits
        .Where(v => v.Status != VisitStatus.Cancelled && v.Date >= today && v.Date < today.AddDays(ScheduleHorizon.Days))
        .GroupBy(v => (v.Date.DayOfWeek, v.WindowStart, v.WindowEnd, v.DurationMinutes, v.RequiredQualification, v.NursesNeeded))
        .Select(g => new VisitNeed(g.Key.DayOfWeek, g.Key.WindowStart, g.Key.WindowEnd, g.Key.DurationMinutes, g.Key.RequiredQualification, g.Key.NursesNeeded, g.Count()))
        .OrderBy(n => n.Day).ThenBy(n => n.WindowStart).ThenBy(n => n.WindowEnd).ThenBy(n => n.DurationMinutes).ThenBy(n => n.RequiredQualification).ThenBy(n => n.NursesNeeded)];

    private Task Change(Action<ScheduleChange> steps) => Change(change =>
    {
        steps(change);
        return Task.FromResult(true);
    });

    /// <summary>
    /// Carries out one command as one change: its steps change the schedule in memory and gather
    /// what they touched; the whole is then stored as one new version and published as one event.
    /// If a step throws or the write fails, memory goes back to what is stored, so nothing of a
    /// command outlives it unless all of it is stored; the caller gets the exception.
    /// </summary>
    private async Task<T> Change<T>(Func<ScheduleChange, Task<T>> steps)
    {
        var change = new ScheduleChange();
        T outcome;
        ScheduleChanged stored;
        try
        {
            outcome = await steps(change);
            if (change.IsEmpty)
            {
                return outcome;
            }

            stored = await Store(change);
        }
        catch
        {
            await Forget();
            throw;
        }

        await Announce(stored);
        return outcome;
    }

    /// <summary>
    /// Writes the change as one new version and says what it was, naming the clients and nurses it
    /// concerns: those the change names, and those of the changed visits as they are now.
    /// </summary>
    private async Task<ScheduleChanged> Store(ScheduleChange change)
    {
        if (State.RemovalsKnownSince == long.MaxValue)
        {
            State.RemovalsKnownSince = State.Version;
        }

        State.Version++;
        var present = new HashSet<Guid>();
        var days = new HashSet<DateOnly>(change.Days);
        for (var i = 0; i < State.Visits.Count; i++)
        {
            if (change.Visits.Contains(State.Visits[i].Id))
            {
                State.Visits[i] = State.Visits[i] with { Version = State.Version };
                present.Add(State.Visits[i].Id);
                days.Add(State.Visits[i].Date);
                change.Clients.Add(State.Visits[i].ClientId);
                change.Nurses.UnionWith(State.Visits[i].AssignedNurses);
            }
        }

        var today = DutchCalendar.Today(clock);
        var removed = change.Visits.Where(id => !present.Contains(id)).Select(id => new RemovedVisit(id, State.Version, today)).ToList();
        State.Removed.AddRange(removed);
        KeptOutcome? outcome = null;
        if (change.Answer is { } answer)
        {
            // Kept apart first, so it can be stored with the days the change wrote.
            var kept = new OutcomeLedger();
            kept.Keep(answer());
            outcome = kept.Entries.SingleOrDefault();
            if (outcome is not null)
            {
                State.Outcomes.Add(outcome);
            }
        }

        await WriteChange(days, change.Visits, removed, outcome);
        return new ScheduleChanged(this.GetPrimaryKey(), State.Version, [.. change.Visits], [.. change.Clients], [.. change.Nurses]);
    }

    /// <summary>Drops what memory holds beyond what is stored (see TeamGrain).</summary>
    private async Task Forget()
    {
        try
        {
            await schedule.ReadStateAsync();
            await LoadDays();
        }
        catch (Exception ex)
        {
            // Not even the stored schedule could be read: this activation must not answer from a
            // memory that holds a change nobody else will see; the next call starts a fresh one.
            LogForgetFailed(logger, ex);
            DeactivateOnIdle();
        }
    }

    /// <summary>The change is stored: telling others may be late, but never turns it into an error.</summary>
    private async Task Announce(ScheduleChanged change)
    {
        await FollowUps.Send("events", () => GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0).Publish(change).AsTask());
        await FollowUps.Refresh("demand", ReportDemand);
    }

    private async Task ReportDemand()
    {
        // Most changes (a claim, a report) leave the needs as they were: they go only when changed.
        var today = DutchCalendar.Today(clock);
        var needs = Needs(today);
        var changedNeeds = _reportedNeeds is null || !needs.SequenceEqual(_reportedNeeds) ? needs : null;
        await GrainFactory.GetGrain<ITeamCapacityGrain>(this.GetPrimaryKey()).ReportDemand(DemandHoursPerWeek(), OpenVisitHours(), ConfirmedHoursThisWeek(today), VisitHoursThisWeek(today), changedNeeds);
        _reportedNeeds = needs;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A team schedule could not be read back after a failed write; its activation is dropped")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception);
}
