using Buurtzorg.Contracts.CarePlans;

namespace Buurtzorg.Grains.CarePlans;

/// <summary>
/// The client's circle first: the client and their relatives propose what they will do
/// themselves, and the team answers each proposal. Every step is one version of the plan, with
/// who took it, so the history tells the whole conversation. A proposal only adds, so it is made
/// on whatever version the plan is at; an answer is made on the proposal as it stood (still
/// proposed), and agreeing appends an intervention to the chosen problem without rewriting it,
/// so neither can undo an edit its author did not see.
/// </summary>
public sealed partial class CarePlanGrain
{
    public ValueTask<CarePlanResult> ProposeCircleTask(CircleTaskProposal proposal, PlanActor by)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(by);
        if (_plan.Task(proposal.Id) is { } known)
        {
            // The same proposal again (a retry without its key): it stands as it was made.
            return known.ProposedBy == by && (known.ProposedText ?? known.Text) == proposal.Text
                ? Refuse(CarePlanError.None)
                : Refuse(CarePlanError.CircleTaskAnswered);
        }

        var when = proposal.When with { Days = CircleTaskTiming.Ordered(proposal.When.Days) };
        return Commit(State.Version, (version, at) => Step(version, at, by, CarePlanChangeKind.CircleTaskProposed, 0, new CircleTask(
            proposal.Id, proposal.Text, when, proposal.NetworkMemberId, by, at, CircleTaskStatus.Proposed,
            null, null, null, null, null, version, null, null)));
    }

    public ValueTask<CarePlanResult> AgreeCircleTask(Guid taskId, CircleTaskAgreement agreement, Guid nurseId)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (_plan.Task(taskId) is not { } task)
        {
            return Refuse(CarePlanError.CircleTaskNotFound);
        }

        var text = agreement.Text ?? task.Text;
        var when = agreement.When is { } changed ? changed with { Days = CircleTaskTiming.Ordered(changed.Days) } : task.When;
        if (task.Status != CircleTaskStatus.Proposed)
        {
            var same = task.IsAgreed && task.ProblemCode == agreement.ProblemCode && task.Text == text && task.When.SameAs(when) && task.TeamNote == agreement.Note;
            return Refuse(same ? CarePlanError.None : CarePlanError.CircleTaskAnswered);
        }

        if (Find(agreement.ProblemCode) is null)
        {
            return Refuse(CarePlanError.ProblemNotInPlan);
        }

        var adjusted = text != task.Text || !when.SameAs(task.When);
        var intervention = new Intervention(
            Guid.NewGuid(), agreement.Category, agreement.TargetCode, text, when.ToSchedule(), task.Performer, task.NetworkMemberId);
        var kind = adjusted ? CarePlanChangeKind.CircleTaskAdjusted : CarePlanChangeKind.CircleTaskAgreed;
        return Commit(State.Version, (version, at) =>
        {
            var entry = Step(version, at, new PlanActor(PlanActorKind.Nurse, nurseId), kind, agreement.ProblemCode, task with
            {
                Text = text,
                When = when,
                Status = adjusted ? CircleTaskStatus.Adjusted : CircleTaskStatus.Agreed,
                AnsweredBy = new PlanActor(PlanActorKind.Nurse, nurseId),
                AnsweredAt = at,
                TeamNote = agreement.Note,
                ProblemCode = agreement.ProblemCode,
                InterventionId = intervention.Id,
                Version = version,
                ProposedText = adjusted ? task.Text : null,
                ProposedWhen = adjusted ? task.When : null,
            });
            entry.AddedIntervention = intervention;
            return entry;
        });
    }

    public ValueTask<CarePlanResult> DeclineCircleTask(Guid taskId, string explanation, Guid nurseId)
    {
        if (_plan.Task(taskId) is not { } task)
        {
            return Refuse(CarePlanError.CircleTaskNotFound);
        }

        if (task.Status != CircleTaskStatus.Proposed)
        {
            return Refuse(task.Status == CircleTaskStatus.Declined && task.TeamNote == explanation ? CarePlanError.None : CarePlanError.CircleTaskAnswered);
        }

        var nurse = new PlanActor(PlanActorKind.Nurse, nurseId);
        return Commit(State.Version, (version, at) => Step(version, at, nurse, CarePlanChangeKind.CircleTaskDeclined, 0, task with
        {
            Status = CircleTaskStatus.Declined,
            AnsweredBy = nurse,
            AnsweredAt = at,
            TeamNote = explanation,
            Version = version,
        }));
    }

    public ValueTask<CarePlanResult> WithdrawCircleTask(Guid taskId, PlanActor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (_plan.Task(taskId) is not { } task)
        {
            return Refuse(CarePlanError.CircleTaskNotFound);
        }

        if (task.ProposedBy != by)
        {
            return Refuse(CarePlanError.NotTheProposer);
        }

        if (task.Status != CircleTaskStatus.Proposed)
        {
            return Refuse(task.Status == CircleTaskStatus.Withdrawn ? CarePlanError.None : CarePlanError.CircleTaskAnswered);
        }

        return Commit(State.Version, (version, at) => Step(version, at, by, CarePlanChangeKind.CircleTaskWithdrawn, 0, task with
        {
            Status = CircleTaskStatus.Withdrawn,
            AnsweredBy = by,
            AnsweredAt = at,
            Version = version,
        }));
    }

    private static CarePlanLogEntry Step(int version, DateTimeOffset at, PlanActor by, CarePlanChangeKind kind, int problemCode, CircleTask task) => new()
    {
        Version = version,
        At = at,
        By = by.Id,
        ByKind = by.Kind,
        Kind = kind,
        ProblemCode = problemCode,
        CircleTask = task,
    };
}
