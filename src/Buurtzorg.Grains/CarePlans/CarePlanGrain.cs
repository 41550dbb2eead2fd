using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;
using Microsoft.Extensions.Logging;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Grains.CarePlans;

public sealed partial class CarePlanGrain(
    [PersistentState("care-plan", GrainStorage.Name)] IPersistentState<CarePlanState> plan,
    TimeProvider clock,
    ILogger<CarePlanGrain> logger) : Grain, ICarePlanGrain, IKeepsOutcomes
{
    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    private static readonly TimeSpan SyncRetry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _syncRetry;

    private CarePlanState State => plan.State;

    /// <summary>The team's schedule follows the plan: an edit whose sync was cut off (a silo stopped) is caught up here.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        State.ScheduleSyncPending ? SyncSchedule() : Task.CompletedTask;

    public ValueTask<CarePlanSnapshot> Get() => ValueTask.FromResult(Current());

    public ValueTask<CarePlanSnapshot?> GetVersion(int version)
    {
        if (version < 0 || version > State.Version)
        {
            return ValueTask.FromResult<CarePlanSnapshot?>(null);
        }

        var problems = new SortedDictionary<int, CarePlanProblem>();
        DateTimeOffset? changedAt = null;
        foreach (var entry in State.Log.TakeWhile(e => e.Version <= version))
        {
            if (entry.ProblemAfter is { } problem)
            {
                problems[entry.ProblemCode] = problem;
            }
            else
            {
                problems.Remove(entry.ProblemCode);
            }

            changedAt = entry.At;
        }

        return ValueTask.FromResult<CarePlanSnapshot?>(new CarePlanSnapshot(this.GetPrimaryKey(), version, changedAt, [.. problems.Values]));
    }

    public ValueTask<IReadOnlyList<CarePlanChange>> GetHistory() => ValueTask.FromResult<IReadOnlyList<CarePlanChange>>(
        [.. State.Log.Select(e => new CarePlanChange(e.Version, e.At, e.By, e.Kind, e.ProblemCode))]);

    public ValueTask<CarePlanResult> WriteProblem(int expectedVersion, ProblemEdit edit, Guid by)
    {
        // Ratings are a dated record of change over time: rewriting a problem keeps them.
        var ratings = Find(edit.Code)?.Ratings ?? [];
        var problem = new CarePlanProblem(edit.Code, edit.Scope, edit.Type, edit.SignsAndSymptoms, edit.Interventions, ratings);
        return Commit(expectedVersion, CarePlanChangeKind.ProblemWritten, edit.Code, problem, by);
    }

    public ValueTask<CarePlanResult> RemoveProblem(int expectedVersion, int problemCode, Guid by) =>
        Find(problemCode) is null && expectedVersion == State.Version
            ? Refuse(CarePlanError.ProblemNotInPlan)
            : Commit(expectedVersion, CarePlanChangeKind.ProblemRemoved, problemCode, problemAfter: null, by);

    public ValueTask<CarePlanResult> RateOutcome(int expectedVersion, int problemCode, OutcomeRating rating, Guid by) =>
        Find(problemCode) is not { } problem
            ? Refuse(expectedVersion == State.Version ? CarePlanError.ProblemNotInPlan : CarePlanError.VersionConflict)
            : Commit(expectedVersion, CarePlanChangeKind.OutcomeRated, problemCode,
                problem with { Ratings = [.. problem.Ratings, rating] }, by);

    private async ValueTask<CarePlanResult> Commit(int expectedVersion, CarePlanChangeKind kind, int problemCode, CarePlanProblem? problemAfter, Guid by)
    {
        if (expectedVersion != State.Version)
        {
            return new CarePlanResult(Current(), CarePlanError.VersionConflict);
        }

        var now = clock.GetUtcNow();
        State.Version++;
        State.ChangedAt = now;
        State.Problems.RemoveAll(p => p.Code == problemCode);
        if (problemAfter is not null)
        {
            State.Problems.Add(problemAfter);
            State.Problems.Sort((a, b) => a.Code.CompareTo(b.Code));
        }

        State.Log.Add(new CarePlanLogEntry { Version = State.Version, At = now, By = by, Kind = kind, ProblemCode = problemCode, ProblemAfter = problemAfter });
        State.ScheduleSyncPending = true;
        var result = new CarePlanResult(Current(), CarePlanError.None);
        State.Outcomes.Keep(result);
        try
        {
            await plan.WriteStateAsync();
        }
        catch
        {
            // Not stored: drop the edit in memory too (see TeamGrain).
            await plan.ReadStateAsync();
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
                    ? [.. State.Problems.SelectMany(p => p.Interventions)]
                    : [];
                await GrainFactory.GetGrain<ITeamScheduleGrain>(client.Details.TeamId).SyncClient(this.GetPrimaryKey(), interventions);
            }

            if (State.ScheduleSyncPending)
            {
                State.ScheduleSyncPending = false;
                await plan.WriteStateAsync();
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

    private ValueTask<CarePlanResult> Refuse(CarePlanError error) => ValueTask.FromResult(new CarePlanResult(Current(), error));

    private CarePlanProblem? Find(int code) => State.Problems.Find(p => p.Code == code);

    private CarePlanSnapshot Current() => new(this.GetPrimaryKey(), State.Version, State.ChangedAt, [.. State.Problems]);
}
