using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Places;

/// <summary>A member closes one of the team's open places: filled, or no longer wanted.</summary>
public sealed record CloseOpenPlace(Guid TeamId, Guid PlaceId, Guid ClosedBy) : ICommand;

public sealed class CloseOpenPlaceHandler(IGrainFactory grains) : ICommandHandler<CloseOpenPlace>
{
    public async ValueTask<Unit> Handle(CloseOpenPlace command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).CloseOpenPlace(command.PlaceId, command.ClosedBy);
        if (result.Error == TeamError.OpenPlaceNotFound)
        {
            throw new ResourceNotFoundException("The team has no open place by this id (it may have been closed already).");
        }

        result.OrThrow(command.TeamId);
        return Unit.Value;
    }
}
