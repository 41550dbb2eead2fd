using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>A nurse of the team explains why a professional must do what was proposed: the explanation is required.</summary>
public sealed record DeclineCircleTask(Guid ClientId, Guid TaskId, Guid NurseId, string? Explanation) : ICommand<CircleTaskView>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireMultiLine("explanation", Explanation, FieldRules.MaxTextLength);
}

public sealed class DeclineCircleTaskHandler(IGrainFactory grains) : ICommandHandler<DeclineCircleTask, CircleTaskView>
{
    public async ValueTask<CircleTaskView> Handle(DeclineCircleTask command, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(command.ClientId);
        var plan = (await grains.GetGrain<ICarePlanGrain>(command.ClientId)
            .DeclineCircleTask(command.TaskId, FieldRules.Clean(command.Explanation!), command.NurseId)).OrThrow();
        var task = plan.Task(command.TaskId);
        var people = await CirclePeople.For(grains, client, CircleViewer.Team with { SubjectId = command.NurseId }, GetCircleTasksHandler.Actors(task));
        return people.View(task);
    }
}
