using Buurtzorg.Contracts.CarePlans;
using Mediator;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>What the client's circle does and proposes, newest first, named as the viewer may see the people.</summary>
public sealed record GetCircleTasks(Guid ClientId, CircleViewer Viewer) : IQuery<CircleTasksView>;

public sealed class GetCircleTasksHandler(IGrainFactory grains) : IQueryHandler<GetCircleTasks, CircleTasksView>
{
    public async ValueTask<CircleTasksView> Handle(GetCircleTasks query, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(query.ClientId);
        var plan = await grains.GetGrain<ICarePlanGrain>(query.ClientId).Get();
        var people = await CirclePeople.For(grains, client, query.Viewer, plan.CircleTasks.SelectMany(Actors));
        return new CircleTasksView(plan.Version, [.. plan.CircleTasks.OrderByDescending(t => t.ProposedAt).Select(people.View)], people.MayProposeFor());
    }

    internal static IEnumerable<PlanActor> Actors(CircleTask task) => task.AnsweredBy is { } by ? [task.ProposedBy, by] : [task.ProposedBy];
}
