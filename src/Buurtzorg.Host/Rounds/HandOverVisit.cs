using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>The signed-in nurse hands one of her visits to the colleague named.</summary>
public sealed record HandOverVisit(Guid TeamId, Guid VisitId, Guid FromNurseId, Guid? ToNurseId, Guid? NamedFrom = null) : ICommand<RoundResult>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireSelf("fromNurseId", NamedFrom, FromNurseId);
        errors.RequireId("toNurseId", ToNurseId);
        if (FromNurseId == ToNurseId)
        {
            errors.Add("toNurseId", "Hand the visit to a colleague, not to the nurse who has it.");
        }
    }
}

public sealed class HandOverVisitHandler(IGrainFactory grains) : ICommandHandler<HandOverVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(HandOverVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).HandOver(command.VisitId, command.FromNurseId, command.ToNurseId!.Value)).OrThrow();
}
