using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams;

/// <summary>
/// Lists a colleague by name in the team (one without a record of her own here yet); she gets an
/// id unless the caller names one. A registered nurse is never added by others: she asks to join.
/// </summary>
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
        if (command.NurseId is { } named && await grains.GetGrain<INurseGrain>(named).Get() is not null)
        {
            throw new ResourceConflictException(
                "A registered nurse joins a team by asking.",
                "She asks to join the team and a member accepts her request; nobody is put in a team by others. Nothing was changed.",
                code: RefusalCodes.JoinByAsking);
        }

        var name = ValidationErrors.CleanName(command.Name);
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).AddNurse(command.NurseId ?? Guid.NewGuid(), name);
        return result.OrThrow(command.TeamId);
    }
}
