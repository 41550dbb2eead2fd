using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams;

/// <summary>Adds a nurse to a team; a new nurse gets an id unless the caller names an existing one.</summary>
public sealed record AddNurse(Guid TeamId, Guid? NurseId, string? Name) : ICommand<TeamSnapshot>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireName("name", Name, TeamLimits.MaxNameLength);
        if (NurseId == Guid.Empty)
        {
            errors.Add("nurseId", "'nurseId' may not be the empty id; leave it out to have one assigned.");
        }
    }
}

public sealed class AddNurseHandler(IGrainFactory grains) : ICommandHandler<AddNurse, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(AddNurse command, CancellationToken cancellationToken)
    {
        var name = ValidationErrors.CleanName(command.Name);
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).AddNurse(command.NurseId ?? Guid.NewGuid(), name);
        return result.OrThrow(command.TeamId);
    }
}
