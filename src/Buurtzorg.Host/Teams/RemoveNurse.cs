using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams;

/// <summary>
/// Takes a colleague listed by name off the team. A registered nurse leaves herself: her rights
/// follow her own record, and leaving is her decision.
/// </summary>
public sealed record RemoveNurse(Guid TeamId, Guid NurseId) : ICommand<TeamSnapshot>;

public sealed class RemoveNurseHandler(IGrainFactory grains) : ICommandHandler<RemoveNurse, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(RemoveNurse command, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<INurseGrain>(command.NurseId).Get() is { } nurse && nurse.TeamId == command.TeamId)
        {
            throw new ResourceConflictException(
                "A nurse leaves her team herself.", "Leaving is her own decision: she does it on her team page. Nothing was changed.", code: RefusalCodes.LeaveYourself);
        }

        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).RemoveNurse(command.NurseId);
        return result.OrThrow(command.TeamId);
    }
}
