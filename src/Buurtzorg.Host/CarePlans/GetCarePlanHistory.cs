using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.CarePlans.Circle;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>
/// One version of the plan's history, with <see cref="Who"/> made it named as the reader may see
/// them: the nurse, the client, or "Anna de Vries (dochter)" for a step of the client's circle.
/// </summary>
public sealed record CarePlanHistoryEntry(
    int Version, DateTimeOffset At, Guid By, CarePlanChangeKind Kind, int ProblemCode, PlanActorKind ByKind, Guid? CircleTaskId, PersonView Who);

/// <summary>Who changed what in the plan, and when, version by version.</summary>
public sealed record GetCarePlanHistory(Guid ClientId, CircleViewer Viewer) : IQuery<IReadOnlyList<CarePlanHistoryEntry>>;

public sealed class GetCarePlanHistoryHandler(IGrainFactory grains) : IQueryHandler<GetCarePlanHistory, IReadOnlyList<CarePlanHistoryEntry>>
{
    public async ValueTask<IReadOnlyList<CarePlanHistoryEntry>> Handle(GetCarePlanHistory query, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(query.ClientId);
        var history = await grains.GetGrain<ICarePlanGrain>(query.ClientId).GetHistory();
        var people = await CirclePeople.For(grains, client, query.Viewer, history.Select(Actor));
        return [.. history.Select(c =>
        {
            var who = people.Person(Actor(c));
            // Someone of the network the reader does not see stays unnamed, by id too.
            return new CarePlanHistoryEntry(c.Version, c.At, who.Id ?? Guid.Empty, c.Kind, c.ProblemCode, c.ByKind, c.CircleTaskId, who);
        })];
    }

    private static PlanActor Actor(CarePlanChange change) => new(change.ByKind, change.By);
}
