using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Planning;

/// <summary>A proposal for the team's day; the planner thinks for at most the given seconds.</summary>
public sealed record ProposeRounds(Guid TeamId, DateOnly Date, int? Seconds) : IQuery<RoundProposal>, IValidatedMessage
{
    public const int DefaultSeconds = 2;
    private const int MaxSeconds = 30;

    public void Validate(ValidationErrors errors)
    {
        if (Seconds is < 1 or > MaxSeconds)
        {
            errors.Add("seconds", $"The planner may think between 1 and {MaxSeconds} seconds.", FieldCodes.OutOfRange);
        }
    }
}

public sealed class ProposeRoundsHandler(IGrainFactory grains) : IQueryHandler<ProposeRounds, RoundProposal>
{
    public async ValueTask<RoundProposal> Handle(ProposeRounds query, CancellationToken cancellationToken)
    {
        await grains.RequireTeam(query.TeamId);

        return await grains.GetGrain<IRoundPlannerGrain>(query.TeamId)
            .Propose(query.Date, TimeSpan.FromSeconds(query.Seconds ?? ProposeRounds.DefaultSeconds), cancellationToken);
    }
}
