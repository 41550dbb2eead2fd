using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams;

public sealed record CreateTeam(string? Name) : ICommand<TeamSnapshot>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireName("name", Name, TeamLimits.MaxNameLength);
}

public sealed class CreateTeamHandler(IGrainFactory grains) : ICommandHandler<CreateTeam, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(CreateTeam command, CancellationToken cancellationToken)
    {
        var name = ValidationErrors.CleanName(command.Name);
        var teamId = Guid.NewGuid();
        var result = await grains.GetGrain<ITeamGrain>(teamId).Create(name);
        return result.OrThrow(teamId);
    }
}
