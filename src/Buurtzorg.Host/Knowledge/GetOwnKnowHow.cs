using Buurtzorg.Contracts.Knowledge;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>The signed-in nurse's own entry: her topics, whether she is hidden, what she follows.</summary>
public sealed record GetOwnKnowHow(Guid NurseId) : IQuery<KnowHowProfile>;

public sealed class GetOwnKnowHowHandler(IGrainFactory grains) : IQueryHandler<GetOwnKnowHow, KnowHowProfile>
{
    public ValueTask<KnowHowProfile> Handle(GetOwnKnowHow query, CancellationToken cancellationToken) =>
        grains.GetGrain<IKnowHowGrain>(query.NurseId).Get();
}
