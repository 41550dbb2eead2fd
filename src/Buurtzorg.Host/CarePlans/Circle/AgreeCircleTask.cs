using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>
/// A nurse of the team agrees to a proposal, under a problem of the plan she chooses: it becomes
/// an intervention the network member (or the client) performs. Text or days given here are the
/// task as adjusted with the family. Category and target default to case management of the
/// support system, which is what the circle's care is in the Omaha System; she may choose others.
/// </summary>
public sealed record AgreeCircleTask(
    Guid ClientId, Guid TaskId, Guid NurseId, int? ProblemCode, InterventionCategory? Category, int? TargetCode,
    string? Text, IReadOnlyList<DayOfWeek>? Days, TimeOnly? At, PartOfDay? PartOfDay, string? Note)
    : ICommand<CircleTaskView>, IValidatedMessage
{
    public static readonly int SupportSystem = InterventionTargets.All.First(t => t.Name == "support system").Code;

    private bool Reschedules => Days is not null || At is not null || PartOfDay is not null;

    public void Validate(ValidationErrors errors)
    {
        if (ProblemCode is not { } code || !OmahaProblems.TryGet(code, out _))
        {
            errors.Add("problemCode", "'problemCode' is the problem of the plan this task sits under, an Omaha System problem (1 to 42).", FieldCodes.Required);
        }

        if (Category is { } category && !Enum.IsDefined(category))
        {
            errors.Add("category", "'category' must be an Omaha intervention category.", FieldCodes.NotAnOption);
        }

        if (TargetCode is { } target && !InterventionTargets.TryGet(target, out _))
        {
            errors.Add("targetCode", $"'targetCode' must be an Omaha intervention target, 1 to {InterventionTargets.All.Count}.", FieldCodes.OutOfRange);
        }

        errors.OptionalSingleLine("text", Text, CircleTask.MaxTextLength);
        if (Reschedules)
        {
            new CircleTimingInput(Days, At, PartOfDay).Validate(errors);
        }

        errors.OptionalMultiLine("note", Note, FieldRules.MaxTextLength);
    }

    public CircleTaskAgreement ToAgreement() => new(
        ProblemCode!.Value,
        Category ?? InterventionCategory.CaseManagement,
        TargetCode ?? SupportSystem,
        FieldRules.CleanOptional(Text),
        Reschedules ? new CircleTimingInput(Days, At, PartOfDay).ToTiming() : null,
        FieldRules.CleanOptional(Note));
}

public sealed class AgreeCircleTaskHandler(IGrainFactory grains) : ICommandHandler<AgreeCircleTask, CircleTaskView>
{
    public async ValueTask<CircleTaskView> Handle(AgreeCircleTask command, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(command.ClientId);
        var result = await grains.GetGrain<ICarePlanGrain>(command.ClientId).AgreeCircleTask(command.TaskId, command.ToAgreement(), command.NurseId);
        if (result.Error == CarePlanError.ProblemNotInPlan)
        {
            var errors = new ValidationErrors();
            errors.Add("problemCode", "This problem is not in the client's care plan: write it first, or choose one that is.", FieldCodes.NotAnOption);
            throw new RequestValidationException(errors);
        }

        var task = result.OrThrow().Task(command.TaskId);
        var people = await CirclePeople.For(grains, client, CircleViewer.Team with { SubjectId = command.NurseId }, GetCircleTasksHandler.Actors(task));
        return people.View(task);
    }
}
