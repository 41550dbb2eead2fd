using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>Who proposed a task takes it back, while the team has not answered it yet.</summary>
public sealed record WithdrawCircleTask(Guid ClientId, Guid TaskId, CircleViewer Viewer) : ICommand<CircleTaskView>;

public sealed class WithdrawCircleTaskHandler(IGrainFactory grains) : ICommandHandler<WithdrawCircleTask, CircleTaskView>
{
    public async ValueTask<CircleTaskView> Handle(WithdrawCircleTask command, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(command.ClientId);
        var by = command.Viewer.AsActor(command.ClientId)
            ?? throw new ForbiddenActException("Only who proposed a task withdraws it.", "Ask them, or the team, about this proposal.");
        var plan = (await grains.GetGrain<ICarePlanGrain>(command.ClientId).WithdrawCircleTask(command.TaskId, by)).OrThrow();
        var task = plan.Task(command.TaskId);
        var people = await CirclePeople.For(grains, client, command.Viewer, GetCircleTasksHandler.Actors(task));
        return people.View(task);
    }
}
