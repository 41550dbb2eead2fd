using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>
/// How a browser that missed events catches up: everything changed after the version it has.
/// SignalR does not deliver what was sent while a browser was away, so this is the source of truth.
/// </summary>
public sealed record GetScheduleChanges(Guid TeamId, long? Since) : IQuery<ScheduleDelta>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        if (Since is null or < 0)
        {
            errors.Add("since", "'since' is the schedule version the caller has (0 or more).", FieldCodes.OutOfRange);
        }
    }
}

public sealed class GetScheduleChangesHandler(IGrainFactory grains) : IQueryHandler<GetScheduleChanges, ScheduleDelta>
{
    public async ValueTask<ScheduleDelta> Handle(GetScheduleChanges query, CancellationToken cancellationToken)
    {
        await grains.RequireTeam(query.TeamId);

        return await grains.GetGrain<ITeamScheduleGrain>(query.TeamId).GetChanges(query.Since!.Value);
    }
}
