using Buurtzorg.Contracts.Capacity;
using Mediator;

namespace Buurtzorg.Host.Capacity;

/// <summary>Demand against supply per team, region and nation: figures only, no person in them.</summary>
public sealed record GetCapacityOverview : IQuery<CapacityOverview>;

public sealed class GetCapacityOverviewHandler(IGrainFactory grains) : IQueryHandler<GetCapacityOverview, CapacityOverview>
{
    public ValueTask<CapacityOverview> Handle(GetCapacityOverview query, CancellationToken cancellationToken) =>
        grains.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).GetOverview();
}
