using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Storage;
using Buurtzorg.Grains.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// Storage per team-day. A team's six weeks of visits were one state written whole on every
/// claim (730 kB a team in the national benchmark); a change now writes the rows of the days it
/// touched, and the head (<see cref="TeamScheduleState"/>, schema 2) only when the horizon, the
/// interventions or the index of days change. The rows go through the same keyed storage as every
/// grain (so the same database, serializer and fault handling), each under a grain id of its own
/// ("team-schedule-day/{team}/{date}"); no grain is activated for them. A grain per day was the
/// other choice: it would put a call between the team and each of its days in every query, and
/// one change (a proposal, a roll of the horizon) across several grains, for nothing that rows do
/// not give.
/// <para>
/// The order of writes, and why it is safe to stop between any two: a day row carries the visits
/// with their versions, the removals of its visits and the outcomes of the keyed changes that wrote
/// it, and its own version. The version of the schedule is the highest of the head's and the
/// days', so a change whose days were written before a crash or a failed head write is read back
/// whole, with what a watcher's catch-up (visit versions, removals) and a retry (its outcome)
/// need; the change was not acknowledged, but it was not lost either, and no version is given
/// twice. Days first, then the head, then the clearing of days that left the horizon (after the
/// head, whose version is then at least theirs). A day new to the index joins it with that head
/// write: if the head does not follow, the new day is not read back and the rest of that change
/// stands; only bulk changes (a client's care plan, the horizon, a division) touch a new day or
/// several days, and each is redone as a whole (the horizon rolls again, the care plan syncs again,
/// a division repeats), while a nurse's change touches one day, written in one row.
/// </para>
/// </summary>
public sealed partial class TeamScheduleGrain
{
    /// <summary>The state name of the day rows (the storage's GrainTypeString).</summary>
    public const string DayStateName = "team-schedule-day";

    /// <summary>
    /// Outcomes a day row keeps (the ledger keeps 64 in memory). Each is about 0.6 kB (the answer
    /// with its visit): 64 would add up to 40 kB to every write of a busy morning, more than the
    /// day's visits; a retry comes within seconds, well inside the last 16 keyed changes of a day.
    /// </summary>
    private const int OutcomesKeptPerDay = 16;

    private TeamScheduleState _state = new();

    private IGrainStorage? _storage;

    /// <summary>The rows of the head's index, with their ETags, as stored.</summary>
    private readonly Dictionary<DateOnly, GrainState<TeamScheduleDayState>> _days = [];

    /// <summary>For each visit stored, the day whose row holds it; a visit that leaves is rewritten there.</summary>
    private readonly Dictionary<Guid, DateOnly> _visitDays = [];

    /// <summary>For each removal kept in a day row, that day; removals not here are kept in the head.</summary>
    private readonly Dictionary<Guid, DateOnly> _removalDays = [];

    /// <summary>Outcomes of keyed changes that wrote no day, which the head keeps.</summary>
    private OutcomeLedger _headOutcomes = new();

    /// <summary>The head as last stored, to tell whether a change must write it.</summary>
    private (DateOnly GeneratedFrom, long RemovalsKnownSince, Dictionary<Guid, List<Intervention>> Interventions) _storedHead = (default, long.MaxValue, []);

    /// <summary>Stored in schema 1 (everything in the head): the first change writes every day, then the head.</summary>
    private bool _wholeInHead;

    private IGrainStorage Storage => _storage ??= ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>The storage identity of one day of a team's schedule.</summary>
    public static GrainId DayGrainId(Guid teamId, DateOnly date) =>
        GrainId.Create(DayStateName, $"{teamId:N}/{date:yyyy-MM-dd}");

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadDays();

    /// <summary>
    /// Builds memory from the head just read and its days (about 43 a team): in one query where
    /// the storage reads many states at once (the database), else one read a day, in parallel.
    /// </summary>
    private async Task LoadDays()
    {
        var head = schedule.State ?? new TeamScheduleState();
        _days.Clear();
        _visitDays.Clear();
        _removalDays.Clear();
        _headOutcomes = head.Outcomes;
        _wholeInHead = schedule.RecordExists && head.Schema < 2;
        _storedHead = (head.GeneratedFrom, head.RemovalsKnownSince, new(head.ClientInterventions));
        if (_wholeInHead)
        {
            // Rows of a migration cut off before its head write are not the schedule: the head is.
            _state = head;
            _state.Outcomes = Merge([head.Outcomes]);
            return;
        }

        var teamId = this.GetPrimaryKey();
        var rows = head.Days.Distinct().Order().Select(date => new GrainState<TeamScheduleDayState>(new TeamScheduleDayState { Date = date })).ToList();
        if (Storage is IBatchGrainStorage batch)
        {
            await batch.ReadStatesAsync(DayStateName, [.. rows.Select(r => (DayGrainId(teamId, Day(r).Date), (IGrainState<TeamScheduleDayState>)r))]);
        }
        else
        {
            await Task.WhenAll(rows.Select(r => Storage.ReadStateAsync(DayStateName, DayGrainId(teamId, Day(r).Date), r)));
        }

        foreach (var (row, date) in rows.Zip(head.Days.Distinct().Order()))
        {
            row.State ??= new TeamScheduleDayState();
            Day(row).Date = date;
        }

        var state = new TeamScheduleState
        {
            Schema = 2,
            Version = head.Version,
            GeneratedFrom = head.GeneratedFrom,
            ClientInterventions = new(head.ClientInterventions),
            RemovalsKnownSince = head.RemovalsKnownSince,
        };
        var removed = head.Removed.Where(r => r.Version > head.RemovalsKnownSince).ToList();
        foreach (var row in rows)
        {
            var day = Day(row);
            _days[day.Date] = row;
            state.Version = Math.Max(state.Version, day.Version);
            state.Visits.AddRange(day.Visits);
            day.Visits.ForEach(v => _visitDays[v.Id] = day.Date);
            state.Rounds.AddRange(day.Rounds);
            foreach (var removal in day.Removed.Where(r => r.Version > head.RemovalsKnownSince))
            {
                removed.Add(removal);
                _removalDays[removal.Id] = day.Date;
            }
        }

        state.Removed = [.. removed.OrderBy(r => r.Version)];
        state.Outcomes = Merge([head.Outcomes, .. rows.Select(r => Day(r).Outcomes)]);
        _state = state;
    }

    /// <summary>One ledger of the outcomes kept in the head and the days, each key once, oldest first.</summary>
    private static OutcomeLedger Merge(IEnumerable<OutcomeLedger> ledgers)
    {
        var merged = new OutcomeLedger();
        foreach (var outcome in ledgers.SelectMany(l => l.Entries).GroupBy(e => (e.Key, e.Operation)).Select(g => g.MaxBy(e => e.At)!).OrderBy(e => e.At))
        {
            merged.Add(outcome);
        }

        return merged;
    }

    /// <summary>
    /// Stores one change, already made in memory at the new version: the rows of the days it
    /// touched (those of its visits now and as stored, and of the orders it set), then the head if
    /// the change reached it, then clears the rows of days that left the horizon.
    /// </summary>
    private async Task WriteChange(HashSet<DateOnly> days, IReadOnlySet<Guid> visits, List<RemovedVisit> removed, KeptOutcome? outcome)
    {
        var teamId = this.GetPrimaryKey();
        var headChanged = _wholeInHead;
        if (_wholeInHead)
        {
            days.UnionWith(State.Visits.Select(v => v.Date));
            days.UnionWith(State.Rounds.Select(r => r.Date));
        }

        foreach (var id in visits)
        {
            if (_visitDays.TryGetValue(id, out var was))
            {
                days.Add(was);
            }
        }

        foreach (var removal in removed)
        {
            if (_visitDays.TryGetValue(removal.Id, out var day))
            {
                _removalDays[removal.Id] = day;
            }
            else
            {
                headChanged = true;
            }
        }

        // A schedule that never generated its horizon (one that only took over clients) keeps every day.
        var oldest = State.GeneratedFrom.DayNumber > DaysKeptAfter ? State.GeneratedFrom.AddDays(-DaysKeptAfter) : DateOnly.MinValue;
        var leaving = _days.Keys.Where(d => d < oldest && !days.Contains(d)).ToList();

        // A day not yet in the index may still have a row: one cleared, or written by a change
        // whose head write never came. Its ETag is needed to write over it.
        var rows = await Task.WhenAll(days.Select(async date =>
        {
            if (_days.TryGetValue(date, out var known))
            {
                return known;
            }

            headChanged = true;
            var found = new GrainState<TeamScheduleDayState>(new TeamScheduleDayState { Date = date });
            await Storage.ReadStateAsync(DayStateName, DayGrainId(teamId, date), found);
            return new GrainState<TeamScheduleDayState>(new TeamScheduleDayState { Date = date }) { ETag = found.ETag };
        }));

        if (rows.Length > 0)
        {
            var dayVisits = State.Visits.Where(v => days.Contains(v.Date)).ToLookup(v => v.Date);
            var dayRounds = State.Rounds.Where(r => days.Contains(r.Date)).ToLookup(r => r.Date);
            var dayRemovals = State.Removed.Where(r => _removalDays.TryGetValue(r.Id, out var d) && days.Contains(d)).ToLookup(r => _removalDays[r.Id]);
            foreach (var row in rows)
            {
                var date = Day(row).Date;
                var outcomes = Day(row).Outcomes;
                if (outcome is not null)
                {
                    outcomes.Add(outcome);
                    if (outcomes.Entries.Count > OutcomesKeptPerDay)
                    {
                        outcomes.Entries.RemoveRange(0, outcomes.Entries.Count - OutcomesKeptPerDay);
                    }
                }

                row.State = new TeamScheduleDayState
                {
                    Date = date,
                    Version = State.Version,
                    Visits = [.. dayVisits[date]],
                    Rounds = [.. dayRounds[date]],
                    Removed = [.. dayRemovals[date]],
                    Outcomes = outcomes,
                };
            }

            await Task.WhenAll(rows.Select(row => Storage.WriteStateAsync(DayStateName, DayGrainId(teamId, Day(row).Date), row)));
            foreach (var row in rows)
            {
                _days[Day(row).Date] = row;
                Day(row).Visits.ForEach(v => _visitDays[v.Id] = Day(row).Date);
            }
        }
        else
        {
            // Nothing of a day changed (a client's interventions, an empty order): the head holds the new version.
            headChanged = true;
            if (outcome is not null)
            {
                _headOutcomes.Add(outcome);
            }
        }

        foreach (var removal in removed)
        {
            _visitDays.Remove(removal.Id);
        }

        var leavingRows = leaving.Select(date => _days[date]).ToList();
        foreach (var date in leaving)
        {
            _days.Remove(date);
        }

        // Removals of a day that leaves are kept on by the head until they age out.
        var leavingSet = leaving.ToHashSet();
        foreach (var (id, _) in _removalDays.Where(r => leavingSet.Contains(r.Value)).ToList())
        {
            _removalDays.Remove(id);
        }

        foreach (var (id, _) in _visitDays.Where(v => leavingSet.Contains(v.Value)).ToList())
        {
            _visitDays.Remove(id);
        }

        headChanged |= leaving.Count > 0
            || State.GeneratedFrom != _storedHead.GeneratedFrom
            || State.RemovalsKnownSince != _storedHead.RemovalsKnownSince
            || !SameInterventions(_storedHead.Interventions, State.ClientInterventions);
        if (headChanged)
        {
            await WriteHead();
        }

        foreach (var row in leavingRows)
        {
            await ClearDay(teamId, row);
        }
    }

    private async Task WriteHead()
    {
        schedule.State = new TeamScheduleState
        {
            Schema = 2,
            Outcomes = _headOutcomes,
            Version = State.Version,
            GeneratedFrom = State.GeneratedFrom,
            ClientInterventions = new(State.ClientInterventions),
            Removed = [.. State.Removed.Where(r => !_removalDays.ContainsKey(r.Id))],
            RemovalsKnownSince = State.RemovalsKnownSince,
            Days = [.. _days.Keys.Order()],
        };
        await schedule.WriteStateAsync();
        _storedHead = (State.GeneratedFrom, State.RemovalsKnownSince, new(State.ClientInterventions));
        _wholeInHead = false;
    }

    /// <summary>A day that left the horizon: its row goes. If it cannot, the row stays unread (it is out of the index).</summary>
    private async Task ClearDay(Guid teamId, GrainState<TeamScheduleDayState> row)
    {
        try
        {
            await Storage.ClearStateAsync(DayStateName, DayGrainId(teamId, Day(row).Date), row);
        }
        catch (Exception ex)
        {
            LogDayNotCleared(logger, Day(row).Date, ex);
        }
    }

    private static TeamScheduleDayState Day(GrainState<TeamScheduleDayState> row) => row.State ??= new TeamScheduleDayState();

    /// <summary>The lists are replaced, never changed in place, when a client's interventions change.</summary>
    private static bool SameInterventions(Dictionary<Guid, List<Intervention>> stored, Dictionary<Guid, List<Intervention>> now) =>
        stored.Count == now.Count && now.All(c => stored.TryGetValue(c.Key, out var was) && ReferenceEquals(was, c.Value));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The row of a day that left a team's schedule ({Date}) could not be cleared; it is no longer read")]
    private static partial void LogDayNotCleared(ILogger logger, DateOnly date, Exception exception);
}
