using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.History;
using Buurtzorg.Grains.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Buurtzorg.Grains.CarePlans;

public sealed partial class CarePlanGrain(
    [PersistentState("care-plan", GrainStorage.Name)] IPersistentState<CarePlanState> plan,
    [PersistentState("care-plan-synced", GrainStorage.Name)] IPersistentState<CarePlanSynced> synced,
    TimeProvider clock,
    ILogger<CarePlanGrain> logger) : Grain, ICarePlanGrain, IKeepsOutcomes
{
    /// <summary>The state name of the plan's log pages.</summary>
    public const string LogName = "care-plan-log";

    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    private static readonly TimeSpan SyncRetry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _syncRetry;
    private PagedLog<CarePlanLogEntry> _pages = null!;

    // The whole log is held in memory, as the plan's earlier versions and its history are read
    // from it; only its last page is ever written.
    private List<CarePlanLogEntry> _log = [];
    private ReplayedPlan _plan = new();

    private CarePlanState State => plan.State;

    /// <summary>The team's schedule follows the plan: an edit whose sync was cut off (a silo stopped) is caught up here.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pages = new(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), LogName, this.GetGrainId(), e => e.Version);
        await LoadLog();
        if (SyncPending)
        {
            await SyncSchedule();
        }
    }

    /// <summary>
    /// An edit whose sync was cut off (a silo stopped): the version the schedule has lags the
    /// plan's. A plan not edited since the upgrade still says so in its own state.
    /// </summary>
    private bool SyncPending => State.Schema >= 2 ? synced.State.Version < State.Version : State.ScheduleSyncPending;

    private async Task LoadLog()
    {
        // A plan stored before the log moved to pages still carries it in its state.
        _log = State.Log.Count > 0 ? [.. State.Log] : await _pages.Read(1, State.Version);
        _plan = Replay(_log);
    }

    public ValueTask<CarePlanSnapshot> Get() => ValueTask.FromResult(Current());

    public ValueTask<DateTimeOffset?> LastChange() => ValueTask.FromResult(State.ChangedAt ?? _log.LastOrDefault()?.At);

    public async Task Erase()
    {
        await _pages.Clear(State.Version);
        if (plan.RecordExists)
        {
            await plan.ClearStateAsync();
        }

        if (synced.RecordExists)
        {
            await synced.ClearStateAsync();
        }

        (plan.State, synced.State, _log, _plan) = (new CarePlanState(), new CarePlanSynced(), [], new());
        DeactivateOnIdle();
    }

    public ValueTask<CarePlanSnapshot?> GetVersion(int version) =>
        ValueTask.FromResult(version < 0 || version > State.Version ? null : Snapshot(version));

    public ValueTask<IReadOnlyList<CarePlanChange>> GetHistory() => ValueTask.FromResult<IReadOnlyList<CarePlanChange>>(
        [.. _log.Select(e => new CarePlanChange(e.Version, e.At, e.By, e.Kind, e.ProblemCode, e.ByKind, e.CircleTask?.Id))]);

    public ValueTask<CarePlanResult> WriteProblem(int expectedVersion, ProblemEdit edit, Guid by) =>
        Commit(expectedVersion, CarePlanChangeKind.ProblemWritten, edit.Code, by,
            written: new CarePlanProblem(edit.Code, edit.Scope, edit.Type, edit.SignsAndSymptoms, edit.Interventions, []));

    public ValueTask<CarePlanResult> RemoveProblem(int expectedVersion, int problemCode, Guid by) =>
        Find(problemCode) is null && expectedVersion == State.Version
            ? Refuse(CarePlanError.ProblemNotInPlan)
            : Commit(expectedVersion, CarePlanChangeKind.ProblemRemoved, problemCode, by);

    public ValueTask<CarePlanResult> RateOutcome(int expectedVersion, int problemCode, OutcomeRating rating, Guid by) =>
        Find(problemCode) is null
            ? Refuse(expectedVersion == State.Version ? CarePlanError.ProblemNotInPlan : CarePlanError.VersionConflict)
            : Commit(expectedVersion, CarePlanChangeKind.OutcomeRated, problemCode, by, rating: rating);

    /// <summary>A kept edit's answer: the plan as that edit left it.</summary>
    ValueTask<object?> IKeepsOutcomes.Rebuild(long version) =>
        ValueTask.FromResult<object?>(new CarePlanResult(Snapshot((int)version), CarePlanError.None));

    private ValueTask<CarePlanResult> Commit(
        int expectedVersion, CarePlanChangeKind kind, int problemCode, Guid by, CarePlanProblem? written = null, OutcomeRating? rating = null) =>
        Commit(expectedVersion, (version, at) => new CarePlanLogEntry { Version = version, At = at, By = by, Kind = kind, ProblemCode = problemCode, ProblemAfter = written, Rating = rating });

    /// <summary>Stores one entry, made for the next version and now, as that version of the plan.</summary>
    private async ValueTask<CarePlanResult> Commit(int expectedVersion, Func<int, DateTimeOffset, CarePlanLogEntry> make)
    {
        if (expectedVersion != State.Version)
        {
            return new CarePlanResult(Current(), CarePlanError.VersionConflict);
        }

        var now = clock.GetUtcNow();
        var entry = make(State.Version + 1, now);
        CarePlanResult result;
        try
        {
            if (State.Log.Count > 0)
            {
                // Upgraded: the log moves to its pages before the state that held it lets go of it.
                await _pages.AppendAll([.. State.Log.Select(Compact)]);
                State.Log = [];
                State.Problems = [];
                State.ScheduleSyncPending = false;
                State.Schema = 2;
            }

            // The entry first, the version that makes it part of the plan second (see PagedLog).
            await _pages.Append(entry);
            _log.Add(entry);
            Apply(_plan, entry);
            State.Version = entry.Version;
            State.ChangedAt = now;
            result = new CarePlanResult(Current(), CarePlanError.None);
            State.Outcomes.KeepVersion(State.Version);
            await plan.WriteStateAsync();
        }
        catch
        {
            // Not stored: drop the edit in memory too (see TeamGrain).
            _pages.Forget();
            await plan.ReadStateAsync();
            await LoadLog();
            throw;
        }

        await SyncSchedule();
        return result;
    }

    /// <summary>
    /// Tells the client's team schedule what the team now does for this client. The edit is
    /// already stored; if the schedule cannot be reached now, it is tried again shortly.
    /// </summary>
    public async Task SyncSchedule()
    {
        try
        {
            var client = await GrainFactory.GetGrain<IClientGrain>(this.GetPrimaryKey()).Get();
            if (client is not null)
            {
                // A paused or discharged client gets no visits; the plan itself stays as it is.
                IReadOnlyList<Intervention> interventions = client.Status == ClientStatus.Active
                    ? [.. _plan.Problems.Values.SelectMany(p => p.Interventions)]
                    : [];
                await GrainFactory.GetGrain<ITeamScheduleGrain>(client.Details.TeamId).SyncClient(this.GetPrimaryKey(), interventions);
            }

            if (SyncPending)
            {
                // Its own small row, so that telling the schedule does not store the plan's state again.
                synced.State.Version = State.Version;
                await synced.WriteStateAsync();
            }

            _syncRetry?.Dispose();
            _syncRetry = null;
        }
        catch (Exception ex)
        {
            LogSyncFailed(logger, ex);
            _syncRetry ??= this.RegisterGrainTimer(SyncSchedule, new GrainTimerCreationOptions { DueTime = SyncRetry, Period = SyncRetry });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not bring the team schedule in line with a care plan; retrying")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);

    private static ReplayedPlan Replay(IEnumerable<CarePlanLogEntry> entries)
    {
        var replayed = new ReplayedPlan();
        foreach (var entry in entries)
        {
            Apply(replayed, entry);
        }

        return replayed;
    }

    private static void Apply(ReplayedPlan plan, CarePlanLogEntry entry)
    {
        var problems = plan.Problems;
        var before = problems.GetValueOrDefault(entry.ProblemCode);
        if (entry.CircleTask is { } task)
        {
            // A step of the circle: the task as it now is, and for an agreement its intervention.
            plan.Put(task);
            if (entry.AddedIntervention is { } added && before is not null)
            {
                problems[entry.ProblemCode] = before with { Interventions = [.. before.Interventions, added] };
            }
        }
        else if (entry.Rating is { } rating)
        {
            if (before is not null)
            {
                problems[entry.ProblemCode] = before with { Ratings = [.. before.Ratings, rating] };
            }
        }
        else if (entry.ProblemAfter is { } after)
        {
            // Ratings are a dated record of change over time: rewriting a problem keeps them. A
            // schema 1 entry carries them itself (the same ratings, or a rating's new list).
            problems[entry.ProblemCode] = entry.Kind == CarePlanChangeKind.ProblemWritten && before is not null
                ? after with { Ratings = before.Ratings }
                : after;
        }
        else
        {
            problems.Remove(entry.ProblemCode);
        }
    }

    /// <summary>
    /// A schema 1 entry in the schema 2 form, which replays the same: a rating's entry held the
    /// problem with every rating so far (the last one is the rating), and a written problem held
    /// the ratings it kept.
    /// </summary>
    private static CarePlanLogEntry Compact(CarePlanLogEntry entry) => entry switch
    {
        { Rating: null, Kind: CarePlanChangeKind.OutcomeRated, ProblemAfter.Ratings: [.., var rating] } =>
            new() { Version = entry.Version, At = entry.At, By = entry.By, Kind = entry.Kind, ProblemCode = entry.ProblemCode, Rating = rating },
        { Kind: CarePlanChangeKind.ProblemWritten, ProblemAfter: { } after } =>
            new() { Version = entry.Version, At = entry.At, By = entry.By, Kind = entry.Kind, ProblemCode = entry.ProblemCode, ProblemAfter = after with { Ratings = [] } },
        _ => entry,
    };

    private CarePlanSnapshot Snapshot(int version)
    {
        var upTo = _log.TakeWhile(e => e.Version <= version).ToList();
        var replayed = Replay(upTo);
        return new CarePlanSnapshot(this.GetPrimaryKey(), version, upTo.LastOrDefault()?.At, [.. replayed.Problems.Values], [.. replayed.Tasks]);
    }

    private ValueTask<CarePlanResult> Refuse(CarePlanError error) => ValueTask.FromResult(new CarePlanResult(Current(), error));

    private CarePlanProblem? Find(int code) => _plan.Problems.GetValueOrDefault(code);

    private CarePlanSnapshot Current() => new(this.GetPrimaryKey(), State.Version, State.ChangedAt, [.. _plan.Problems.Values], [.. _plan.Tasks]);

    /// <summary>The plan as its log replays: the problems by code, and the circle's tasks in the order they were proposed.</summary>
    private sealed class ReplayedPlan
    {
        public SortedDictionary<int, CarePlanProblem> Problems { get; } = [];

        public List<CircleTask> Tasks { get; } = [];

        public CircleTask? Task(Guid id) => Tasks.Find(t => t.Id == id);

        public void Put(CircleTask task)
        {
            var at = Tasks.FindIndex(t => t.Id == task.Id);
            if (at < 0)
            {
                Tasks.Add(task);
            }
            else
            {
                Tasks[at] = task;
            }
        }
    }
}
