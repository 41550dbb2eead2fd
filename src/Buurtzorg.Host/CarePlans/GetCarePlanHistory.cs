using Buurtzorg.Contracts.CarePlans;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>Who changed what in the plan, and when, version by version.</summary>
public sealed record GetCarePlanHistory(Guid ClientId) : IQuery<IReadOnlyList<CarePlanChange>>;

public sealed class GetCarePlanHistoryHandler(IGrainFactory grains) : IQueryHandler<GetCarePlanHistory, IReadOnlyList<CarePlanChange>>
{
    public async ValueTask<IReadOnlyList<CarePlanChange>> Handle(GetCarePlanHistory query, CancellationToken cancellationToken)
    {
        await grains.RequireClient(query.ClientId);
        return await grains.GetGrain<ICarePlanGrain>(query.ClientId).GetHistory();
    }
}
