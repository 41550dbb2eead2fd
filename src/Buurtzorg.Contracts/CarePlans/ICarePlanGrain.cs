namespace Buurtzorg.Contracts.CarePlans;

/// <summary>
/// A client's care plan, keyed by the client's id, with its full history. Every edit names the
/// version it was made on: an edit made on an older version is refused with the current plan,
/// never applied over a change the editor has not seen.
/// </summary>
[Alias("Buurtzorg.CarePlans.ICarePlanGrain")]
public interface ICarePlanGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    ValueTask<CarePlanSnapshot> Get();

    /// <summary>The plan as it was at an earlier version, or null if there is no such version.</summary>
    [Alias("GetVersion")]
    ValueTask<CarePlanSnapshot?> GetVersion(int version);

    [Alias("GetHistory")]
    ValueTask<IReadOnlyList<CarePlanChange>> GetHistory();

    [Alias("WriteProblem")]
    ValueTask<CarePlanResult> WriteProblem(int expectedVersion, ProblemEdit edit, Guid by);

    [Alias("RemoveProblem")]
    ValueTask<CarePlanResult> RemoveProblem(int expectedVersion, int problemCode, Guid by);

    /// <summary>Brings the team's schedule in line with the plan and the client's status again.</summary>
    [Alias("SyncSchedule")]
    Task SyncSchedule();

    [Alias("RateOutcome")]
    ValueTask<CarePlanResult> RateOutcome(int expectedVersion, int problemCode, OutcomeRating rating, Guid by);

    /// <summary>
    /// The client, or a relative, proposes a task they will do themselves. A proposal adds to the
    /// plan without changing anything in it, so it is made on whatever version the plan is at.
    /// </summary>
    [Alias("ProposeCircleTask")]
    ValueTask<CarePlanResult> ProposeCircleTask(CircleTaskProposal proposal, PlanActor by);

    /// <summary>
    /// A nurse agrees to a proposal: it becomes an intervention of the chosen problem, done by the
    /// network member (or the client). The answer is made on the proposal as proposed: the same
    /// answer again changes nothing, another answer to an answered proposal is refused.
    /// </summary>
    [Alias("AgreeCircleTask")]
    ValueTask<CarePlanResult> AgreeCircleTask(Guid taskId, CircleTaskAgreement agreement, Guid nurseId);

    /// <summary>A nurse explains why a professional must do it; as <see cref="AgreeCircleTask"/> for answering twice.</summary>
    [Alias("DeclineCircleTask")]
    ValueTask<CarePlanResult> DeclineCircleTask(Guid taskId, string explanation, Guid nurseId);

    /// <summary>The proposer takes an unanswered proposal back; withdrawing twice changes nothing.</summary>
    [Alias("WithdrawCircleTask")]
    ValueTask<CarePlanResult> WithdrawCircleTask(Guid taskId, PlanActor by);

    /// <summary>When the plan last changed, or null if it never did.</summary>
    [Alias("LastChange")]
    ValueTask<DateTimeOffset?> LastChange();

    /// <summary>Removes the plan and its history from storage: only when the client's retention period has run out.</summary>
    [Alias("Erase")]
    Task Erase();
}

[GenerateSerializer, Alias("Buurtzorg.CarePlans.CarePlanError")]
public enum CarePlanError
{
    None = 0,
    VersionConflict = 1,
    ProblemNotInPlan = 2,
    CircleTaskNotFound = 3,

    /// <summary>The proposal was already answered (or withdrawn) otherwise.</summary>
    CircleTaskAnswered = 4,

    /// <summary>Only who proposed a task withdraws it.</summary>
    NotTheProposer = 5,
}

/// <summary>The plan after the edit; on a refusal, the plan as it is now (nothing was stored).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CarePlanResult")]
public sealed record CarePlanResult(
    [property: Id(0)] CarePlanSnapshot Plan,
    [property: Id(1)] CarePlanError Error);
