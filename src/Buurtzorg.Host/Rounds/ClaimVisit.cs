using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>A nurse takes an open visit of her team.</summary>
public sealed record ClaimVisit(Guid TeamId, Guid VisitId, Guid? NurseId) : ICommand<RoundResult>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireId("nurseId", NurseId);
}

public sealed class ClaimVisitHandler(IGrainFactory grains) : ICommandHandler<ClaimVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(ClaimVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).Claim(command.VisitId, command.NurseId!.Value)).OrThrow();
}
