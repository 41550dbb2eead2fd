using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Visits;

/// <summary>A team's visits between two dates (by default the whole horizon from today).</summary>
public sealed record GetTeamVisits(Guid TeamId, DateOnly From, DateOnly To) : IQuery<ScheduleView>, IValidatedMessage
{
    private const int MaxDays = 62;

    public void Validate(ValidationErrors errors)
    {
        if (To < From || To.DayNumber - From.DayNumber >= MaxDays)
        {
            errors.Add("to", $"'to' must be on or after 'from', at most {MaxDays} days later.", FieldCodes.OutOfRange);
        }
    }
}

public sealed class GetTeamVisitsHandler(IGrainFactory grains) : IQueryHandler<GetTeamVisits, ScheduleView>
{
    public async ValueTask<ScheduleView> Handle(GetTeamVisits query, CancellationToken cancellationToken)
    {
        await grains.RequireTeam(query.TeamId);

        return await grains.GetGrain<ITeamScheduleGrain>(query.TeamId).GetVisits(query.From, query.To);
    }
}
