using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>The signed-in nurse takes an open visit of her team (<see cref="NamedNurse"/>, if sent, must be she).</summary>
public sealed record ClaimVisit(Guid TeamId, Guid VisitId, Guid NurseId, Guid? NamedNurse = null) : ICommand<RoundResult>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireSelf("nurseId", NamedNurse, NurseId);
}

public sealed class ClaimVisitHandler(IGrainFactory grains) : ICommandHandler<ClaimVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(ClaimVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).Claim(command.VisitId, command.NurseId)).OrThrow();
}
