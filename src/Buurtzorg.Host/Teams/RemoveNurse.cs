using Buurtzorg.Contracts.Teams;
using Mediator;

namespace Buurtzorg.Host.Teams;

public sealed record RemoveNurse(Guid TeamId, Guid NurseId) : ICommand<TeamSnapshot>;

public sealed class RemoveNurseHandler(IGrainFactory grains) : ICommandHandler<RemoveNurse, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(RemoveNurse command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).RemoveNurse(command.NurseId);
        return result.OrThrow(command.TeamId);
    }
}
