using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Host.Teams;

public sealed record CreateTeam(string? Name, string? Region = null) : ICommand<TeamSnapshot>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireName("name", Name, TeamLimits.MaxNameLength);
        if (Region is not null)
        {
            errors.RequireName("region", Region, TeamLimits.MaxNameLength);
        }
    }
}

public sealed class CreateTeamHandler(IGrainFactory grains) : ICommandHandler<CreateTeam, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(CreateTeam command, CancellationToken cancellationToken)
    {
        var name = ValidationErrors.CleanName(command.Name);
        var teamId = IdempotentRequest.NewId("team");
        var region = command.Region is null ? null : ValidationErrors.CleanName(command.Region);
        var result = await grains.GetGrain<ITeamGrain>(teamId).Create(name, region);
        return result.OrThrow(teamId);
    }
}
