using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Nurses;

/// <summary>
/// A nurse joins a team, leaving her current one; her history keeps both. Not an endpoint of its
/// own: it follows a team's acceptance of her request, or her founding a new team.
/// </summary>
public sealed record MoveNurse(Guid NurseId, Guid? TeamId) : ICommand<NurseRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireId("teamId", TeamId);
}

public sealed class MoveNurseHandler(IGrainFactory grains) : ICommandHandler<MoveNurse, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(MoveNurse command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<INurseGrain>(command.NurseId).MoveToTeam(command.TeamId!.Value)).OrThrow(command.NurseId, command.TeamId);
}
