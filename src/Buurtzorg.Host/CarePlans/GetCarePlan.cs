using Buurtzorg.Contracts.CarePlans;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

public sealed record GetCarePlan(Guid ClientId) : IQuery<CarePlanSnapshot>;

public sealed class GetCarePlanHandler(IGrainFactory grains) : IQueryHandler<GetCarePlan, CarePlanSnapshot>
{
    public async ValueTask<CarePlanSnapshot> Handle(GetCarePlan query, CancellationToken cancellationToken)
    {
        await grains.RequireClient(query.ClientId);
        return await grains.GetGrain<ICarePlanGrain>(query.ClientId).Get();
    }
}
