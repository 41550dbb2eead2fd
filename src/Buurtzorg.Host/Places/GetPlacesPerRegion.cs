using Buurtzorg.Contracts.Places;
using Mediator;

namespace Buurtzorg.Host.Places;

/// <summary>For central staff: open places, hours offered and waiting join requests per region; counts only.</summary>
public sealed record GetPlacesPerRegion : IQuery<OpenPlacesOverview>;

public sealed class GetPlacesPerRegionHandler(IGrainFactory grains) : IQueryHandler<GetPlacesPerRegion, OpenPlacesOverview>
{
    public ValueTask<OpenPlacesOverview> Handle(GetPlacesPerRegion query, CancellationToken cancellationToken) =>
        grains.GetGrain<IOpenPlacesGrain>(0).GetOverview();
}
