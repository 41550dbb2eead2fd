using Buurtzorg.Contracts.Nurses;
using Mediator;

namespace Buurtzorg.Host.Nurses;

public sealed record GetNurse(Guid NurseId) : IQuery<NurseRecord>;

public sealed class GetNurseHandler(IGrainFactory grains) : IQueryHandler<GetNurse, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(GetNurse query, CancellationToken cancellationToken) =>
        await grains.GetGrain<INurseGrain>(query.NurseId).Get() ?? throw NurseOutcome.NurseNotFound(query.NurseId);
}
