using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>The plan as it was at an earlier version.</summary>
public sealed record GetCarePlanVersion(Guid ClientId, int Version) : IQuery<CarePlanSnapshot>;

public sealed class GetCarePlanVersionHandler(IGrainFactory grains) : IQueryHandler<GetCarePlanVersion, CarePlanSnapshot>
{
    public async ValueTask<CarePlanSnapshot> Handle(GetCarePlanVersion query, CancellationToken cancellationToken)
    {
        await grains.RequireClient(query.ClientId);
        return await grains.GetGrain<ICarePlanGrain>(query.ClientId).GetVersion(query.Version)
            ?? throw new ResourceNotFoundException($"The care plan has no version {query.Version}.");
    }
}
