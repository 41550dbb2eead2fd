using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>A nurse hands one of her visits to a colleague of the team.</summary>
public sealed record HandOverVisit(Guid TeamId, Guid VisitId, Guid? FromNurseId, Guid? ToNurseId) : ICommand<RoundResult>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireId("fromNurseId", FromNurseId);
        errors.RequireId("toNurseId", ToNurseId);
        if (FromNurseId is { } from && from == ToNurseId)
        {
            errors.Add("toNurseId", "Hand the visit to a colleague, not to the nurse who has it.");
        }
    }
}

public sealed class HandOverVisitHandler(IGrainFactory grains) : ICommandHandler<HandOverVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(HandOverVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).HandOver(command.VisitId, command.FromNurseId!.Value, command.ToNurseId!.Value)).OrThrow();
}
