using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams.Joining;

/// <summary>A member declines a nurse's request to join, or the nurse withdraws her own (<see cref="By"/> is then she).</summary>
public sealed record DeclineJoinRequest(Guid TeamId, Guid NurseId, Guid By) : ICommand<JoinAnswered>;

/// <summary>The request is gone; the asking nurse learns no more of the team than that.</summary>
public sealed record JoinAnswered(Guid TeamId, Guid NurseId);

public sealed class DeclineJoinRequestHandler(IGrainFactory grains) : ICommandHandler<DeclineJoinRequest, JoinAnswered>
{
    public async ValueTask<JoinAnswered> Handle(DeclineJoinRequest command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).DeclineJoin(command.NurseId, command.By);
        if (result.Error == TeamError.NoJoinRequest)
        {
            throw new ResourceNotFoundException("No request to join from this nurse is waiting.");
        }

        result.OrThrow(command.TeamId);
        return new JoinAnswered(command.TeamId, command.NurseId);
    }
}
