using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams.Joining;

/// <summary>
/// A member of the team takes the asking nurse in: the acceptance is stored (naming who
/// accepted), then she moves, leaving her old team. A second call before she arrived finishes a
/// move a stopped silo left halfway; once she is in, it is a 409 and changes nothing.
/// </summary>
public sealed record AcceptJoinRequest(Guid TeamId, Guid NurseId, Guid AcceptedBy, Caller Caller, string Via) : ICommand<TeamSnapshot>;

public sealed class AcceptJoinRequestHandler(IGrainFactory grains, AccessLog log) : ICommandHandler<AcceptJoinRequest, TeamSnapshot>
{
    public async ValueTask<TeamSnapshot> Handle(AcceptJoinRequest command, CancellationToken cancellationToken)
    {
        var team = grains.GetGrain<ITeamGrain>(command.TeamId);
        var accepted = await team.AcceptJoin(command.NurseId, command.AcceptedBy);
        if (accepted.Error == TeamError.NoJoinRequest)
        {
            throw new ResourceNotFoundException("This nurse has not asked to join the team, or her request was answered already.");
        }

        if (accepted.Error == TeamError.DuplicateNurse)
        {
            throw new ResourceConflictException("She is in the team already.", "Nothing was changed.", code: RefusalCodes.AlreadyInTeam);
        }

        var snapshot = accepted.OrThrow(command.TeamId);

        // Her rights to the team's clients start here: the access log says who granted them.
        await log.WriteGrant(command.Caller, snapshot.ClientIds, command.NurseId, command.Via, cancellationToken);
        var moved = await grains.GetGrain<INurseGrain>(command.NurseId).MoveToTeam(command.TeamId);
        moved.OrThrow(command.NurseId, command.TeamId);
        return await grains.RequireTeam(command.TeamId);
    }
}
